import type { Core } from '@strapi/strapi';
import { KEPT_MS } from './constants';

const EVENTS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'];

export interface Kept<K, V> {
  get(key: K): Promise<V>;
  forget(): void;
}

/**
 * The one cache of the plugin: values read from the database, kept per key for KEPT_MS and all dropped
 * on every lifecycle event (each create, update and delete, the `*Many` ones too) of the content types
 * they are read from. A change on this instance shows at once; one on another instance within KEPT_MS.
 */
export const kept = <K, V>(strapi: Core.Strapi, models: string[], load: (key: K) => Promise<V>): Kept<K, V> => {
  const values = new Map<K, { at: number; value: Promise<V> }>();
  const forget = () => values.clear();
  strapi.db.lifecycles.subscribe({ models, ...Object.fromEntries(EVENTS.map((e) => [e, forget])) } as any);
  return {
    get(key: K) {
      const hit = values.get(key);
      if (hit && Date.now() - hit.at < KEPT_MS) return hit.value;
      const value = load(key);
      values.set(key, { at: Date.now(), value });
      // A failed read is not kept.
      value.catch(() => values.get(key)?.value === value && values.delete(key));
      return value;
    },
    forget,
  };
};
