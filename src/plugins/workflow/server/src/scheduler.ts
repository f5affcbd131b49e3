import cron, { type ScheduledTask } from 'node-cron';

let task: ScheduledTask | null = null;

/** One timer task per process; bootstrap starts it, destroy stops it. */
export const startScheduler = (expression: string, run: () => Promise<unknown>) => {
  task = cron.schedule(expression, () => run().then(() => undefined), { noOverlap: true });
};

export const stopScheduler = async () => {
  await task?.stop();
  task = null;
};
