import rememberStaffSession from './remember-staff-session';

export default {
  'remember-staff-session': rememberStaffSession,
};
