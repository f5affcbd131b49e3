import { errors } from '@strapi/utils';
import { jobRoleProblems } from '../../job-roles';

// The column is JSON, so the database cannot restrict its values; every write path goes through here.
const check = (data: Record<string, unknown> | undefined) => {
  if (!data || !('jobRoles' in data)) return;
  const problems = jobRoleProblems(data.jobRoles);
  if (problems.length > 0) {
    throw new errors.ValidationError('岗位角色有误', {
      errors: problems.map((message) => ({ path: ['jobRoles'], message, name: 'ValidationError' })),
    });
  }
};

export default {
  beforeCreate(event: { params: { data?: Record<string, unknown> } }) {
    check(event.params.data);
  },
  beforeUpdate(event: { params: { data?: Record<string, unknown> } }) {
    check(event.params.data);
  },
};
