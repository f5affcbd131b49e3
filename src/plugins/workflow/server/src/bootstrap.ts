import path from 'node:path';
import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { getService } from './utils';
import { startScheduler } from './scheduler';

/** Loads the app's definitions and rules, and schedules the timers. */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::workflow') as { definitionsDir: string; rulesDir: string; timersCron: string | false };
  const root = strapi.dirs.app.root;
  const loaded = await getService('definitions').syncFromFiles(path.resolve(root, config.definitionsDir));
  const created = loaded.filter((d) => d.created);
  if (created.length) strapi.log.info(`workflow: stored ${created.map((d) => `${d.key}@${d.version}`).join(', ')}`);

  const rulesDir = path.resolve(root, config.rulesDir);
  if (fs.existsSync(rulesDir)) {
    for (const file of fs.readdirSync(rulesDir).filter((f) => f.endsWith('.json')).sort()) {
      await getService('rules').seed(JSON.parse(fs.readFileSync(path.join(rulesDir, file), 'utf8')));
    }
  }

  if (config.timersCron) startScheduler(config.timersCron, () => getService('timers').runDue());
};

export default bootstrap;
