import { LOGIN_PAGES } from '@/http/config';
import { useSessionStore, type Audience } from '@/stores/session';

const HOME: Record<Audience, string> = { applicant: '/pages/apply/index', staff: '/pages/staff/tasks' };

/** Sends anyone not signed in as `audience` to the sign-in page (or their own home); true when they may stay. */
export const requireAudience = (audience: Audience) => {
  const session = useSessionStore();
  if (session.signedIn && session.audience === audience) return true;
  uni.reLaunch({ url: session.signedIn && session.audience ? HOME[session.audience] : LOGIN_PAGES[audience] });
  return false;
};

export const goHome = (audience: Audience) => uni.reLaunch({ url: HOME[audience] });
