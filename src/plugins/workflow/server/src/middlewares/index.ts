import rememberSession from './remember-session';
import staffActionLane from './staff-action-lane';

export default {
  'remember-session': rememberSession,
  'staff-action-lane': staffActionLane,
};
