import type { Core } from '@strapi/strapi';
import { JOB_ROLES } from '../api/staff-profile/job-roles';
import { guards } from './guards';
import { effects } from './effects';
import { energyFacts, ruleFacts } from './facts';
import { FILE_KINDS } from './file-kinds';
import { MESSAGES } from './messages';

/** Tells the workflow engine this utility's job roles, guards, effects, rule facts and message wording. */
export const registerWorkflows = (strapi: Core.Strapi) => {
  const registry = strapi.plugin('workflow').service('registry');
  registry.registerRoles(JOB_ROLES);
  for (const [name, fn] of Object.entries(guards)) registry.registerGuard(name, fn);
  for (const [name, fn] of Object.entries(effects)) registry.registerEffect(name, fn);
  registry.registerFacts(energyFacts);
  registry.registerRuleFacts(ruleFacts);
  registry.registerFileKinds(FILE_KINDS);
  registry.registerMessages(MESSAGES);
};
