import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { LEASES } from '../storage';

/** One row per job, its holder and expiry (storage.ts). */
const TABLE = LEASES;

/**
 * Jobs that must run on one app instance at a time (the warning scan) take a lease in the database;
 * a holder that dies loses it when it expires.
 */
const leases = ({ strapi }: { strapi: Core.Strapi }) => {
  /** This process, as lease holders and outbox workers name it. */
  const instance = `${process.pid}-${randomUUID().slice(0, 8)}`;

  return {
    instance,

    /**
     * Takes `name` for `ttlMs` when it is free or expired; answers the holder's token, or null when
     * someone (another instance, or another run in this one) holds it.
     */
    async acquire(name: string, ttlMs: number): Promise<string | null> {
      const knex = strapi.db.connection;
      const now = getService('clock').now().getTime();
      const token = `${instance}:${randomUUID().slice(0, 8)}`;
      await knex(TABLE).insert({ name, owner: '', until_ms: 0 }).onConflict('name').ignore();
      const taken = await knex(TABLE)
        .where({ name })
        .andWhere('until_ms', '<', now)
        .update({ owner: token, until_ms: now + ttlMs });
      return Number(taken) === 1 ? token : null;
    },

    async release(name: string, token: string) {
      await strapi.db.connection(TABLE).where({ name, owner: token }).update({ until_ms: 0 });
    },

    /** Runs `job` only if the lease is free; the lease is held for the run and released after it. */
    async exclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T | undefined> {
      const token = await this.acquire(name, ttlMs);
      if (!token) return undefined;
      try {
        return await job();
      } finally {
        await this.release(name, token);
      }
    },
  };
};

export default leases;
