import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileTypeFromFile } from 'file-type';
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { badRequest, forbidden, notFound } from '../errors';
import { sha256 } from '../engine/canonical';
import { candidateEvents, hiddenFromApplicant, storedValue, type ArtifactRequirement } from '../engine/spec';
import type { Actor } from './registry';
import { formatBytes, getService } from '../utils';

export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** Legacy Office files share one container format; the declared extension says which it is. */
const LEGACY_OFFICE = ['.doc', '.xls'];

const declaredExt = (name: string | null | undefined) => path.extname(name ?? '').toLowerCase();

const matchesRequirement = (req: ArtifactRequirement, ext: string, mime: string) =>
  !req.types?.length || req.types.some((t) => (t.startsWith('.') ? t.toLowerCase() === ext : t === mime));

/**
 * Files attached to an order by kind. A new upload of a kind is its next version; older versions stay.
 * Content decides what a file is: it must be of a type its kind allows (and the current step asks
 * for), within the kind's size; the stored name is random, the meaningful name lives on the record.
 */
const files = ({ strapi }: { strapi: Core.Strapi }) => {
  const loadVisible = async (actor: Actor, number: string) => {
    const order = await getService('scope').loadVisible(actor, number);
    return order;
  };

  /** What the bytes are, as an extension and MIME type the kind must allow; throws 400 otherwise. */
  const identify = async (kind: string, file: IncomingFile) => {
    const rule = getService('registry').fileKind(kind);
    const sniffed = await fileTypeFromFile(file.filepath);
    if (!rule || !sniffed || !rule.exts.includes(sniffed.ext)) {
      throw badRequest('附件格式不符', [
        { path: ['file'], message: `文件内容不是允许的类型（${rule ? rule.exts.join('、') : '无'}）` },
      ]);
    }
    if (file.size > rule.maxBytes) {
      throw badRequest('附件过大', [{ path: ['file'], message: `文件不能超过${formatBytes(rule.maxBytes)}` }]);
    }
    const declared = declaredExt(file.originalFilename);
    const ext = sniffed.ext === 'cfb' && LEGACY_OFFICE.includes(declared) ? declared : `.${sniffed.ext}`;
    return { ext, mime: sniffed.mime as string };
  };

  return {
    async attach(
      actor: Actor,
      number: string,
      input: { kind: unknown; name: unknown; file: IncomingFile | undefined },
    ) {
      try {
        const order = await loadVisible(actor, number);
        if (order.outcome) throw forbidden('工单已结束，不能再上传附件');
        // Staff who handed the order on still see it, but add nothing to it.
        if (!(await getService('scope').canViewNow(actor, order)))
          throw forbidden('工单已不在您的处理范围内，不能上传附件');

        const kinds: string[] = (strapi.contentType(UIDS.orderFile as any) as any).attributes.kind.enum;
        const problems = [];
        if (typeof input.kind !== 'string' || !kinds.includes(input.kind))
          problems.push({ path: ['kind'], message: `附件类型应为：${kinds.join('、')}` });
        if (!input.file) problems.push({ path: ['file'], message: '缺少文件' });
        const name =
          typeof input.name === 'string' && input.name.trim()
            ? input.name.trim()
            : (input.file?.originalFilename ?? '').trim();
        if (!name || name.length > 200)
          problems.push({ path: ['name'], message: '请填写有意义的文件名称（200字以内）' });
        if (problems.length > 0) throw badRequest('附件信息有误', problems);

        const kind = input.kind as string;
        const file = input.file!;
        const { ext, mime } = await identify(kind, file);
        const def = await getService('definitions').get(order.processKey, order.definitionVersion);
        const typed = candidateEvents(def.nodes, storedValue(order.stateValue))
          .flatMap((c) => c.transitions.flatMap((t) => t.meta?.artifacts ?? []))
          .filter((r) => r.kind === kind && r.types?.length);
        if (typed.length && !typed.some((r) => matchesRequirement(r, ext, mime))) {
          throw badRequest('附件格式不符', [
            { path: ['file'], message: `此步骤的“${typed[0].label}”只接受：${typed[0].types!.join('、')}` },
          ]);
        }

        const digest = sha256(fs.readFileSync(file.filepath));
        const storedName = `${randomUUID()}${ext}`;
        const [uploaded] = await strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: { fileInfo: { name: storedName } },
            files: { ...file, originalFilename: storedName, mimetype: mime },
          });
        const previous = await strapi.db.query(UIDS.orderFile).count({ where: { order: { id: order.id }, kind } });
        const row = await strapi.db.query(UIDS.orderFile).create({
          data: {
            order: order.id,
            file: uploaded.id,
            kind,
            name,
            version: previous + 1,
            step: order.currentStep,
            sha256: digest,
            // The engine's time: a step's artifacts are those uploaded since it was entered.
            createdAt: getService('clock').now(),
            ...(actor.kind === 'applicant'
              ? { uploadedByApplicant: actor.id }
              : actor.staffId
                ? { uploadedByStaff: actor.staffId }
                : {}),
          },
        });
        return {
          id: row.id,
          kind: row.kind,
          name: row.name,
          version: row.version,
          step: row.step,
          sha256: digest,
          mime: uploaded.mime,
          size: uploaded.size,
        };
      } finally {
        // A refused upload leaves nothing behind; an accepted one was copied by the upload plugin.
        if (input.file?.filepath) fs.rmSync(input.file.filepath, { force: true });
      }
    },

    /** Every file of an order grouped by kind, newest version first. */
    async listByKind(orderId: number) {
      const rows = await strapi.db.query(UIDS.orderFile).findMany({
        where: { order: { id: orderId } },
        orderBy: [{ kind: 'asc' }, { version: 'desc' }],
        populate: { file: { select: ['id', 'mime', 'size', 'ext'] } },
      });
      const byKind: Record<string, any[]> = {};
      for (const r of rows) {
        (byKind[r.kind] ??= []).push({
          id: r.id,
          name: r.name,
          version: r.version,
          step: r.step,
          sha256: r.sha256,
          mime: r.file?.mime,
          size: r.file?.size,
          uploadedAt: r.createdAt,
          current: byKind[r.kind].length === 0,
        });
      }
      return byKind;
    },

    /** A file of an order the caller may see; 404 for anything else, including another order's file. */
    async open(actor: Actor, number: string, fileId: number) {
      const order = await loadVisible(actor, number);
      const row = Number.isInteger(fileId)
        ? await strapi.db
            .query(UIDS.orderFile)
            .findOne({ where: { id: fileId, order: { id: order.id } }, populate: { file: true } })
        : null;
      if (!row?.file) throw notFound('附件不存在');
      if (actor.kind === 'applicant') {
        const def = await getService('definitions').get(order.processKey, order.definitionVersion);
        const reached = new Set((await getService('history').list(order.id)).map((e: any) => e.toStep));
        if (hiddenFromApplicant(def.spec, reached).includes(row.kind)) throw notFound('附件不存在');
      }
      const diskPath = path.join(strapi.dirs.static.public, row.file.url.replace(/^\/+/, ''));
      if (!diskPath.startsWith(strapi.dirs.static.public) || !fs.existsSync(diskPath)) throw notFound('附件不存在');
      return {
        stream: fs.createReadStream(diskPath),
        name: `${row.name}${path.extname(row.name) ? '' : row.file.ext}`,
        mime: row.file.mime as string,
        size: row.file.size,
      };
    },
  };
};

export default files;
