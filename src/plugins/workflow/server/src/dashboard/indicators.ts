import type { AppliedFigures, VisitGroup, WarningGroup } from './figures';

/**
 * The dashboard's 15 indicators, one function each, over the figures read for a period
 * (figures.ts). They read nothing themselves.
 */

export interface Figures {
  applied: AppliedFigures;
  /** Orders completed in the period: `n`, `hours`, and `w0`, `w1`, … per week. */
  completed: Record<string, number>;
  /** Step visits ended in the period (a person's own, when the view is of a person). */
  visits: VisitGroup[];
  warnings: WarningGroup[];
  /** Open orders held now, per staff member in view. */
  openAssigned: Map<number, number>;
  staff: Array<{ id: number; capacity?: number | null; adminUser?: { id: number } | null }>;
  overdueNow: number;
  evaluations: Array<{ score: unknown; actors: number[] }>;
  exceptions: unknown[];
  sms: { sent: number; overage: number; cost: number };
  /** 催办 made in the period. */
  urges: number;
}

export const DEFAULT_CAPACITY = 20;

export const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
export const round = (n: number | null, digits = 2) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number, digits = 4) => round(whole ? part / whole : null, digits);
const sum = <T>(xs: T[], of: (x: T) => number) => xs.reduce((t, x) => t + of(x), 0);

/** Visits that staff ended. */
export const handledVisits = (f: Figures) => f.visits.filter((v) => v.endedBy !== null);

/** The average first response of the orders applied, in hours. */
export const firstResponseOf = (applied: { responded: number; responseHours: number }) =>
  applied.responded ? applied.responseHours / applied.responded : null;

export const created = (f: Figures) => f.applied.created;

export const completed = (f: Figures) => f.completed.n ?? 0;

/** Of the orders applied in the period, the share completed. */
export const completionRate = (f: Figures) => ratio(f.applied.completed, f.applied.created);

/** Hours from application to completion of the orders completed in the period. */
export const avgCycleHours = (f: Figures) => round(completed(f) ? (f.completed.hours ?? 0) / completed(f) : null);

/** Each staff member's average hours per step they ended, averaged over the staff. */
export const avgHandlingHours = (f: Figures) => {
  const byPerson = new Map<number, { visits: number; hours: number }>();
  for (const v of handledVisits(f)) {
    const p = byPerson.get(v.endedBy!) ?? { visits: 0, hours: 0 };
    byPerson.set(v.endedBy!, { visits: p.visits + v.visits, hours: p.hours + v.hours });
  }
  return round(avg([...byPerson.values()].map((p) => p.hours / p.visits)));
};

/** Open orders held by the staff in view, over their capacity. */
export const saturation = (f: Figures) =>
  ratio(
    sum(f.staff, (s) => f.openAssigned.get(s.id) ?? 0),
    sum(f.staff, (s) => s.capacity ?? DEFAULT_CAPACITY),
  );

export const firstResponseHours = (f: Figures) => round(firstResponseOf(f.applied));

/** Of the step visits ended that had a threshold, the share that kept it. */
export const onTimeRate = (f: Figures) =>
  ratio(
    sum(f.visits, (v) => v.onTime),
    sum(f.visits, (v) => v.measured),
  );

export const overdueNow = (f: Figures) => f.overdueNow;

/** Warnings raised in the period, per level. */
export const warnings = (f: Figures) => {
  const levels = { 1: 0, 2: 0, 3: 0 } as Record<1 | 2 | 3, number>;
  for (const w of f.warnings) if (w.level >= 1 && w.level <= 3) levels[w.level as 1 | 2 | 3] += w.n;
  return levels;
};

/** Of the orders applied in the period, the share ever returned or rejected. */
export const returnRejectRate = (f: Figures) => ratio(f.applied.returned, f.applied.created);

export const satisfaction = (f: Figures) => {
  const scores = f.evaluations.map((e) => Number(e.score ?? 0));
  return { average: round(avg(scores)), count: scores.length };
};

export const exceptions = (f: Figures) => f.exceptions.length;

export const sms = (f: Figures) => f.sms;

export const urges = (f: Figures) => f.urges;

export const INDICATORS = {
  created,
  completed,
  completionRate,
  avgCycleHours,
  avgHandlingHours,
  saturation,
  firstResponseHours,
  onTimeRate,
  overdueNow,
  warnings,
  returnRejectRate,
  satisfaction,
  exceptions,
  urges,
  sms,
};

export type Indicators = { [K in keyof typeof INDICATORS]: ReturnType<(typeof INDICATORS)[K]> };

/** Every indicator of the figures. */
export const indicatorsOf = (f: Figures) =>
  Object.fromEntries(Object.entries(INDICATORS).map(([name, of]) => [name, of(f)])) as Indicators;
