import type services from './services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** Typed access to this plugin's services. */
export const getService = <N extends ServiceName>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('workflow').service(name) as ReturnType<Services[N]>;

/** A size as people read it: 50MB, 1.5MB, 300KB. */
export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))}MB` : `${Math.ceil(bytes / 1024)}KB`;
