import type { Core } from '@strapi/strapi';
import { stopScheduler } from './scheduler';

const destroy = async (_ctx: { strapi: Core.Strapi }) => {
  await stopScheduler();
};

export default destroy;
