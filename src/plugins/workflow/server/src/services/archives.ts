import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import archiver from 'archiver';
import { SCOPE_POPULATE, UIDS } from '../constants';
import { notFound } from '../errors';
import type { Actor } from './registry';
import type { SendOutcome } from './sms';
import { getService } from '../utils';

const diskPath = (root: string, url: string) => path.join(root, url.replace(/^\/+/, ''));
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

interface ZipContent {
  order: Record<string, unknown>;
  history: Record<string, unknown>;
  files: any[];
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Writes the archive's ZIP: order.json, history.json, files.json and every stored file version. */
const writeZip = (target: string, publicRoot: string, content: ZipContent) =>
  new Promise<void>((resolve, reject) => {
    const output = fs.createWriteStream(target);
    const zip = archiver('zip', { zlib: { level: 6 } });
    output.on('close', () => resolve());
    zip.on('error', reject);
    zip.pipe(output);
    zip.append(json(content.order), { name: 'order.json' });
    zip.append(json(content.history), { name: 'history.json' });
    const listed = content.files.map((f: any) => ({
      kind: f.kind,
      name: f.name,
      version: f.version,
      step: f.step,
      sha256: f.sha256,
      uploadedAt: f.createdAt,
    }));
    zip.append(json(listed), { name: 'files.json' });
    for (const f of content.files) {
      const file = f.file && diskPath(publicRoot, f.file.url);
      if (!file || !fs.existsSync(file)) continue;
      const ext = path.extname(f.name) ? '' : f.file.ext;
      zip.file(file, { name: `files/${f.kind}/v${f.version}-${safeName(f.name)}${ext}` });
    }
    zip.finalize();
  });

/**
 * The archive of an ended order: its data, its history with every hash and the chain's verification,
 * and every version of every file, in one ZIP kept with the order. Built by the outbox worker after
 * the order ends (it reads files, so it stays out of the transition's transaction).
 */
const archives = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Call inside the transaction that ended the order. */
  async schedule(orderId: number, historyEventId: number | null) {
    await getService('outbox').enqueue(
      orderId,
      historyEventId,
      [{ to: 'system', template: 'archive', channels: ['archive'] }],
      {},
    );
  },

  async build(orderId: number): Promise<SendOutcome> {
    const order = await strapi.db.query(UIDS.order).findOne({
      where: { id: orderId },
      populate: {
        applicant: { select: ['id', 'username', 'realName', 'mobile'] },
        organization: { select: ['id', 'name', 'code'] },
        assignee: { select: ['id', 'name'] },
      },
    });
    if (!order) return { ok: false, retry: false, error: '工单不存在' };
    const [events, verification, files] = await Promise.all([
      getService('history').list(orderId),
      getService('history').verify(orderId),
      strapi.db.query(UIDS.orderFile).findMany({
        where: { order: { id: orderId } },
        orderBy: [{ kind: 'asc' }, { version: 'asc' }],
        populate: { file: true },
      }),
    ]);
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const target = path.join(os.tmpdir(), `archive-${randomBytes(6).toString('hex')}.zip`);
    const { historyHead, submissionKey, ...data } = order;
    await writeZip(target, strapi.dirs.static.public, {
      order: {
        order: data,
        process: { key: def.key, version: def.version, name: def.spec.name },
        archivedAt: getService('clock').now(),
      },
      history: { verification, historyHead, events },
      files,
    });
    try {
      const [uploaded] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: `archive-${randomBytes(8).toString('hex')}.zip` } },
          files: {
            filepath: target,
            originalFilename: `${order.number}.zip`,
            mimetype: 'application/zip',
            size: fs.statSync(target).size,
          },
        });
      await strapi.db
        .query(UIDS.order)
        .update({ where: { id: orderId }, data: { archive: uploaded.id, archivedAt: getService('clock').now() } });
      return { ok: true, providerId: String(uploaded.id) };
    } finally {
      fs.rmSync(target, { force: true });
    }
  },

  /** The archive of an order the caller may see, as a download. */
  async open(actor: Actor, number: string) {
    const read = (n: string) =>
      strapi.db.query(UIDS.order).findOne({ where: { number: n }, populate: { ...SCOPE_POPULATE, archive: true } });
    const order = await getService('scope').loadVisible(actor, number, { read });
    if (!order.archive) throw notFound('归档尚未生成');
    const file = diskPath(strapi.dirs.static.public, order.archive.url);
    if (!fs.existsSync(file)) throw notFound('归档文件不存在');
    return {
      stream: fs.createReadStream(file),
      name: `${order.number}-归档.zip`,
      mime: 'application/zip',
      size: order.archive.size,
    };
  },
});

export default archives;
