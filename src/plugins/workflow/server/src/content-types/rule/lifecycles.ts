import { badRequest } from '../../errors';
import { validateRule } from '../../services/rules';

// Rules are edited in the admin panel; a rule that cannot run must not be saved.
const check = async (event: { params: { data?: Record<string, any>; where?: any } }) => {
  const data = event.params.data;
  if (!data || !('conditions' in data || 'event' in data || 'purpose' in data)) return;
  let merged = data;
  if (event.params.where) {
    const existing = await strapi.db.query('plugin::workflow.rule').findOne({ where: event.params.where });
    merged = { ...existing, ...data };
  }
  const problems = validateRule(merged);
  if (problems.length > 0) throw badRequest('规则有误', problems);
};

export default {
  beforeCreate: check,
  beforeUpdate: check,
};
