import type { Core } from '@strapi/strapi';

// The engine's content types, services and document-service middleware are registered by the workflow issue.
const register = (_ctx: { strapi: Core.Strapi }) => {};

export default register;
