import cron, { type ScheduledTask } from 'node-cron';

const tasks = new Map<string, ScheduledTask>();

/**
 * The engine's scheduled jobs (timers, outbox worker, warning scan), one task each per process.
 * A run still going when the next is due is not started again (noOverlap); a failing run is logged
 * and the next one tries again.
 */
export const schedule = (
  name: string,
  expression: string,
  run: () => Promise<unknown>,
  log: (message: string) => void,
) => {
  tasks.set(
    name,
    cron.schedule(
      expression,
      () =>
        run().then(
          () => undefined,
          (error) => log(`workflow ${name}: ${error?.message ?? error}`),
        ),
      { noOverlap: true, name },
    ),
  );
};

export const stopScheduler = async () => {
  for (const task of tasks.values()) await task.stop();
  tasks.clear();
};
