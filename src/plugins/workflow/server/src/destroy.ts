import type { Core } from '@strapi/strapi';
import { stopScheduler } from './scheduler';
import { getService } from './utils';

const destroy = async (_ctx: { strapi: Core.Strapi }) => {
  await stopScheduler();
  await getService('oneTrip').destroy();
};

export default destroy;
