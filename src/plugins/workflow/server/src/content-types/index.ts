import auditEntrySchema from './audit-entry/schema.json';
import definitionSchema from './definition/schema.json';
import historyEventSchema from './history-event/schema.json';
import outboxMessageSchema from './outbox-message/schema.json';
import ruleSchema from './rule/schema.json';
import ruleLifecycles from './rule/lifecycles';

export default {
  'audit-entry': { schema: auditEntrySchema },
  definition: { schema: definitionSchema },
  'history-event': { schema: historyEventSchema },
  'outbox-message': { schema: outboxMessageSchema },
  rule: { schema: ruleSchema, lifecycles: ruleLifecycles },
};
