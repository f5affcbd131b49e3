import path from 'node:path';
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { getService } from './utils';
import { schedule } from './scheduler';
import type { WorkflowConfig } from './config';
import { registerActions } from './rbac';
import { registerDashboard } from './dashboard/projection';
import { upgradeStorage } from './storage';

/**
 * Registers the workflow's permissions, loads the app's definitions and rules, and schedules the timers,
 * the outbox worker, the warning scan and the dashboard's daily sums.
 */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::workflow') as WorkflowConfig;
  // The workflow's own tables first: the jobs and the dashboard use them.
  await upgradeStorage(strapi);
  await registerActions(strapi);
  // The dashboard follows the history from the first event written.
  registerDashboard();
  // From here on, every change to the administration is recorded (services/audit.ts).
  await getService('audit').start();
  const filled = await getService('orderRows').backfillRefs();
  if (filled) strapi.log.info(`workflow: ${filled} order relations copied into the order rows`);
  const returned = await getService('orderRows').backfillReturnedAt();
  if (returned) strapi.log.info(`workflow: ${returned} returned orders given the time they were first returned`);
  const organizations = await getService('history').backfillOrganizations();
  if (organizations) strapi.log.info(`workflow: ${organizations} history events given their order's organization`);
  const root = strapi.dirs.app.root;
  const loaded = await getService('definitions').syncFromFiles(path.resolve(root, config.definitionsDir));
  const created = loaded.filter((d) => d.created);
  if (created.length) strapi.log.info(`workflow: stored ${created.map((d) => `${d.key}@${d.version}`).join(', ')}`);

  const rulesDir = path.resolve(root, config.rulesDir);
  if (fs.existsSync(rulesDir)) {
    for (const file of fs
      .readdirSync(rulesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      await getService('rules').seed(JSON.parse(fs.readFileSync(path.join(rulesDir, file), 'utf8')));
    }
  }

  // Administrators' settings from the database over the configuration, here and before each job.
  await getService('settings').refresh();
  const log = (message: string) => strapi.log.error(message);
  if (config.timersCron) schedule('timers', config.timersCron, () => getService('timers').runDue(), log);
  const withSettings = (job: () => Promise<unknown>) => async () => {
    await getService('settings').refresh();
    return job();
  };
  if (config.outboxCron)
    schedule(
      'outbox',
      config.outboxCron,
      withSettings(() => getService('outbox').runOnce()),
      log,
    );
  if (config.slaCron)
    schedule(
      'sla',
      config.slaCron,
      withSettings(() => getService('escalation').scan()),
      log,
    );
  if (config.rollupCron) schedule('rollups', config.rollupCron, () => getService('rollups').rollUp(), log);
};

export default bootstrap;
