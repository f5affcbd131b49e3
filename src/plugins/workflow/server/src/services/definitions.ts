import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { AnyStateMachine } from 'xstate';
import { EVENTS, UIDS } from '../constants';
import { kept, type Kept } from '../kept';
import { badRequest, notFound } from '../errors';
import { canonicalJson, sha256 } from '../engine/canonical';
import { buildMachine } from '../engine/machine';
import { indexNodes, type ProcessSpec, type StepNode } from '../engine/spec';
import { validateSpec } from '../engine/validate';
import { getService } from '../utils';

export interface LoadedDefinition {
  id: number;
  key: string;
  version: number;
  spec: ProcessSpec;
  machine: AnyStateMachine;
  nodes: Map<string, StepNode>;
}

/**
 * Process definitions as versioned data. A version never changes once stored; publishing a changed
 * definition stores the next version, and orders keep the version they started with.
 */
const definitions = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every submission and every staff scope check asks which versions exist: a light list.
  const versions = kept(strapi, [UIDS.definition], () =>
    strapi.db
      .query(UIDS.definition)
      .findMany({ select: ['key', 'version', 'published'], orderBy: [{ key: 'asc' }, { version: 'asc' }] }),
  ) as Kept<null, Array<{ key: string; version: number; published: boolean }>>;
  const storedVersions = () => versions.get(null);
  // A stored version never changes: its machine is built once per time it is read.
  const loaded = kept(strapi, [UIDS.definition], async (id: string): Promise<LoadedDefinition> => {
    const [key, version] = [id.slice(0, id.lastIndexOf('@')), Number(id.slice(id.lastIndexOf('@') + 1))];
    const row = await strapi.db.query(UIDS.definition).findOne({ where: { key, version } });
    if (!row) throw notFound('流程定义不存在');
    return {
      id: row.id,
      key: row.key,
      version: row.version,
      spec: row.spec,
      machine: buildMachine(row.spec, getService('registry').guards()),
      nodes: indexNodes(row.spec),
    };
  });

  const artifactKinds = (): string[] => (strapi.contentType(UIDS.orderFile as any) as any).attributes.kind.enum;

  return {
    validate(spec: ProcessSpec) {
      const registry = getService('registry');
      return validateSpec(spec, {
        roles: registry.roles(),
        hasGuard: registry.hasGuard,
        hasEffect: registry.hasEffect,
        artifactKinds: artifactKinds(),
      });
    },

    /** Stores the definition as the next version of its key unless the latest version is identical. */
    async publish(spec: ProcessSpec, source: 'file' | 'admin' = 'admin') {
      const problems = this.validate(spec);
      if (problems.length > 0) throw badRequest(`流程定义“${spec?.key ?? '?'}”有误`, problems);
      const checksum = sha256(canonicalJson(spec));
      const latest = await strapi.db
        .query(UIDS.definition)
        .findOne({ where: { key: spec.key }, orderBy: { version: 'desc' } });
      if (latest && latest.checksum === checksum)
        return { created: false, definition: await this.get(latest.key, latest.version) };
      const row = await strapi.db.query(UIDS.definition).create({
        data: {
          key: spec.key,
          version: (latest?.version ?? 0) + 1,
          name: spec.name,
          published: true,
          checksum,
          spec,
          source,
        },
      });
      strapi.eventHub.emit(EVENTS.DEFINITION_PUBLISHED, { key: row.key, version: row.version });
      return { created: true, definition: await this.get(row.key, row.version) };
    },

    /** Loads every *.json in the app's definitions folder; a file newer than the database becomes a new version. */
    async syncFromFiles(dir: string) {
      if (!fs.existsSync(dir)) return [];
      const results = [];
      for (const file of fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
        // A file becomes a version only when the file itself changed: versions administrators
        // published in the panel since are not overwritten by an unchanged file at the next start.
        const lastFromFile = await strapi.db.query(UIDS.definition).findOne({
          where: { key: spec.key, source: 'file' },
          orderBy: { version: 'desc' },
          select: ['version', 'checksum'],
        });
        if (lastFromFile && lastFromFile.checksum === sha256(canonicalJson(spec))) {
          results.push({ key: spec.key, version: lastFromFile.version, created: false });
          continue;
        }
        try {
          const { created, definition } = await this.publish(spec, 'file');
          results.push({ key: definition.key, version: definition.version, created });
        } catch (error: any) {
          const where = (error?.details?.errors ?? []).map((e: any) => `${e.path.join('.')}: ${e.message}`).join('; ');
          // The reason is the message: the boot log names the file and what is wrong with it.
          // eslint-disable-next-line preserve-caught-error -- ES2021 has no Error cause option
          throw new Error(`Process definition ${file} is invalid: ${where || error.message}`);
        }
      }
      return results;
    },

    async latest(key: string): Promise<LoadedDefinition> {
      const newest = (await storedVersions()).filter((r) => r.key === key && r.published).pop();
      if (!newest) throw notFound('流程不存在');
      return this.get(key, newest.version);
    },

    async get(key: string, version: number): Promise<LoadedDefinition> {
      return loaded.get(`${key}@${version}`);
    },

    /** Every stored version, loaded: what running orders may be pinned to (steps, thresholds, timers). */
    async allStored(): Promise<LoadedDefinition[]> {
      return Promise.all((await storedVersions()).map((r) => this.get(r.key, r.version)));
    },

    async listLatest(): Promise<LoadedDefinition[]> {
      const rows = (await storedVersions()).filter((r) => r.published).reverse();
      const seen = new Set<string>();
      const newest = rows.filter((r) => !seen.has(r.key) && seen.add(r.key)).reverse();
      return Promise.all(newest.map((r) => this.get(r.key, r.version)));
    },
  };
};

export default definitions;
