import registry from './registry';
import definitions from './definitions';
import history from './history';
import outbox from './outbox';
import scope from './scope';
import transitions from './transitions';
import orders from './orders';
import files from './files';
import rules from './rules';
import actors from './actors';
import info from './info';
import timers from './timers';
import access from './access';
import exportsService from './exports';
import clock from './clock';
import elapsed from './elapsed';
import leases from './leases';
import messages from './messages';
import sms from './sms';
import wechat from './wechat';
import escalation from './escalation';
import knowledge from './knowledge';
import metrics from '../dashboard/metrics';
import contracts from './contracts';
import directory from './directory';
import archives from './archives';
import settings from './settings';
import tables from './tables';
import orderRows from './order-rows';
import rollups from '../dashboard/rollups';
import orderWrites from './order-writes';
import audit from './audit';

export default {
  registry,
  definitions,
  history,
  outbox,
  scope,
  transitions,
  orders,
  files,
  rules,
  actors,
  timers,
  access,
  exports: exportsService,
  info,
  clock,
  elapsed,
  leases,
  messages,
  sms,
  wechat,
  escalation,
  knowledge,
  metrics,
  contracts,
  directory,
  archives,
  settings,
  tables,
  orderRows,
  rollups,
  orderWrites,
  audit,
};
