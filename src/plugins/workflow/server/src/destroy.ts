import type { Core } from '@strapi/strapi';

const destroy = (_ctx: { strapi: Core.Strapi }) => {};

export default destroy;
