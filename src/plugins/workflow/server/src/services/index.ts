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

export default { registry, definitions, history, outbox, scope, transitions, orders, files, rules, actors, timers, access, exports: exportsService, info };
