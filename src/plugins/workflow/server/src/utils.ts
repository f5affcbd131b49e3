import type services from './services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** Typed access to this plugin's services. */
export const getService = <N extends ServiceName>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('workflow').service(name) as ReturnType<Services[N]>;
