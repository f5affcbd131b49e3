import type { Core } from '@strapi/strapi';
import { elapsedBetween, warningLevel, type Elapsed } from '../engine/elapsed';
import { parseOfficeHours, workingCutoff, workingHoursBetween } from '../engine/calendar';
import type { StepMeta } from '../engine/spec';
import type { WorkflowConfig } from '../config';

/** Step durations against thresholds, in each step's own measure (natural or working hours). */
const elapsed = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::workflow') as WorkflowConfig;
  let office: { text: string; parsed: ReturnType<typeof parseOfficeHours> } | null = null;
  const officeHours = () => {
    const text = config().officeHours;
    if (office?.text !== text) office = { text, parsed: parseOfficeHours(text) };
    return office.parsed;
  };
  const working = (from: Date, to: Date) => workingHoursBetween(from, to, officeHours());

  return {
    /** A visit to a step from `from` until `to`; `open` visits are measured against the step's threshold. */
    of(meta: StepMeta | undefined, from: Date | string, to: Date | string, open = true): Elapsed {
      return elapsedBetween(from, to, open ? meta?.thresholdHours : null, meta?.thresholdUnit ?? 'natural', working);
    },
    /**
     * Overdue is one fact: a visit is overdue once its time reaches the step's threshold in the step's
     * own unit. This is the latest start of a visit that is overdue at `now` (null: the step has no
     * threshold), for the inbox's filter and the dashboard; `of` says the same of one visit.
     */
    overdueSince(meta: StepMeta | undefined, now: Date): Date | null {
      const hours = meta?.thresholdHours;
      if (!hours) return null;
      return meta.thresholdUnit === 'working'
        ? workingCutoff(now, hours, officeHours())
        : new Date(now.getTime() - hours * 3_600_000);
    },
    /** The warning level (0–3) the visit has reached. */
    level(e: Elapsed): number {
      return warningLevel(e.measuredHours, e.thresholdHours, config().warningPercents);
    },
    workingHoursBetween: working,
  };
};

export default elapsed;
