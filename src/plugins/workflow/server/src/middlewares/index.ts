import rememberSession from './remember-session';
import actionLanes from './action-lanes';

export default {
  'remember-session': rememberSession,
  'action-lanes': actionLanes,
};
