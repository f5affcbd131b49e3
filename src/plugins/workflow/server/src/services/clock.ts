/**
 * The one clock of the engine: transitions, elapsed figures, timers, the outbox and the warning scan
 * all ask it for the time, so that tests move time instead of waiting.
 */
const clock = () => {
  let fixed: Date | null = null;
  let offsetMs = 0;
  return {
    now(): Date {
      return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs);
    },
    /** Stops the clock at `at`; null lets it run again (from the real time plus any offset). */
    set(at: Date | string | null) {
      fixed = at === null ? null : new Date(at);
    },
    advance(ms: number) {
      if (fixed) fixed = new Date(fixed.getTime() + ms);
      else offsetMs += ms;
    },
    reset() {
      fixed = null;
      offsetMs = 0;
    },
  };
};

export default clock;
