import rememberStaffSession from './remember-staff-session';
import staffActionLane from './staff-action-lane';

export default {
  'remember-staff-session': rememberStaffSession,
  'staff-action-lane': staffActionLane,
};
