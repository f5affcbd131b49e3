import { defineStore } from 'pinia';

export type Audience = 'applicant' | 'staff';

export interface SessionUser {
  id: number;
  name: string;
  mobile?: string | null;
  applicantType?: 'enterprise' | 'resident' | null;
  enterpriseName?: string | null;
  email?: string | null;
}

/** Who is signed in: an applicant (users-permissions JWT) or a staff member (admin JWT). */
export const useSessionStore = defineStore('session', {
  state: () => ({
    audience: null as Audience | null,
    token: '',
    user: null as SessionUser | null,
  }),
  getters: {
    signedIn: (state) => Boolean(state.token),
    needsMobile: (state) => state.audience === 'applicant' && !state.user?.mobile,
  },
  actions: {
    signIn(audience: Audience, token: string, user: SessionUser) {
      this.audience = audience;
      this.token = token;
      this.user = user;
    },
    updateUser(patch: Partial<SessionUser>) {
      if (this.user) this.user = { ...this.user, ...patch };
    },
    signOut() {
      this.audience = null;
      this.token = '';
      this.user = null;
    },
  },
  persist: true,
});
