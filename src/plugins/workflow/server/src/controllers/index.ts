import info from './info';
import applicantOrders from './applicant-orders';
import staffOrders from './staff-orders';
import definitions from './definitions';
import applicantMessages from './applicant-messages';
import staffMessages from './staff-messages';
import metrics from './metrics';
import contracts from './contracts';
import directory from './directory';
import rules from './rules';
import settings from './settings';
import audit from './audit';

export default {
  info,
  'applicant-orders': applicantOrders,
  'applicant-messages': applicantMessages,
  'staff-orders': staffOrders,
  'staff-messages': staffMessages,
  definitions,
  metrics,
  contracts,
  directory,
  rules,
  settings,
  audit,
};
