import { defineStore } from 'pinia';
import { newIdempotencyKey } from '@/utils/idempotency';

export interface Draft {
  formData: Record<string, unknown>;
  /** Made with the draft and kept until the server has the order, so a resend cannot make a second one. */
  idempotencyKey: string;
  savedAt: number;
}

/** Applications being filled in, one per process, kept across leaving the page and restarts. */
export const useDraftsStore = defineStore('drafts', {
  state: () => ({ byProcess: {} as Record<string, Draft> }),
  actions: {
    /** The draft of a process, started empty when there is none. */
    open(processKey: string): Draft {
      if (!this.byProcess[processKey]) {
        this.byProcess[processKey] = { formData: {}, idempotencyKey: newIdempotencyKey(), savedAt: Date.now() };
      }
      return this.byProcess[processKey];
    },
    save(processKey: string, formData: Record<string, unknown>) {
      const draft = this.open(processKey);
      draft.formData = { ...formData };
      draft.savedAt = Date.now();
    },
    /** The order exists: the next application of this process starts afresh, with a new key. */
    submitted(processKey: string) {
      delete this.byProcess[processKey];
    },
  },
  persist: true,
});
