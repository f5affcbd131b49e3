import type { Facts } from '../plugins/workflow/server/src/engine/machine';

/** Named conditions the process definitions use. Pure and synchronous: they read gathered facts. */
export const guards: Record<string, (facts: Facts) => boolean> = {
  /** Applications entered by a window clerk were reviewed offline. */
  enteredAtWindow: (facts) => facts.channel === 'window' || facts.channel === 'staff-app',
  /** The as-built drawing may be skipped only when nothing changed on site. */
  noChangeDuringConstruction: (facts) => !facts.flags?.changedDuringConstruction,
  preReviewPassed: (facts) => facts.preReview?.passed === true,
};
