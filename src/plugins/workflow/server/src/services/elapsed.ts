import type { Core } from '@strapi/strapi';
import { elapsedBetween, warningLevel, type Elapsed } from '../engine/elapsed';
import { parseOfficeHours, workingHoursBetween } from '../engine/calendar';
import type { StepMeta } from '../engine/spec';
import type { WorkflowConfig } from '../config';

/** Step durations against thresholds, in each step's own measure (natural or working hours). */
const elapsed = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::workflow') as WorkflowConfig;
  let office: { text: string; parsed: ReturnType<typeof parseOfficeHours> } | null = null;
  const working = (from: Date, to: Date) => {
    const text = config().officeHours;
    if (office?.text !== text) office = { text, parsed: parseOfficeHours(text) };
    return workingHoursBetween(from, to, office.parsed);
  };

  return {
    /** A visit to a step from `from` until `to`; `open` visits are measured against the step's threshold. */
    of(meta: StepMeta | undefined, from: Date | string, to: Date | string, open = true): Elapsed {
      return elapsedBetween(from, to, open ? meta?.thresholdHours : null, meta?.thresholdUnit ?? 'natural', working);
    },
    /** The warning level (0–3) the visit has reached. */
    level(e: Elapsed): number {
      return warningLevel(e.measuredHours, e.thresholdHours, config().warningPercents);
    },
    workingHoursBetween: working,
  };
};

export default elapsed;
