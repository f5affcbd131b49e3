import type { Core } from '@strapi/strapi';
import { setUpAccess } from '../rbac';

/**
 * The admin roles and RBAC conditions of the scope rules. Called from the app's bootstrap, because the
 * admin module creates its default roles (only when none exist) after the plugins' bootstrap.
 */
const access = ({ strapi }: { strapi: Core.Strapi }) => ({
  setUp: () => setUpAccess(strapi),
});

export default access;
