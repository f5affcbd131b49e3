import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { SCOPE_POPULATE, UIDS } from '../constants';
import { badRequest, forbidden, notFound } from '../errors';
import { sha256 } from '../engine/canonical';
import { candidateEvents, storedValue, type ArtifactRequirement } from '../engine/spec';
import type { Actor } from './registry';
import { getService } from '../utils';

export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

const extOf = (name: string) => {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i).toLowerCase() : '';
};

/**
 * Files attached to an order by kind. A new upload of a kind is its next version; older versions stay.
 * A kind the current step asks for must match the types the step allows.
 */
const files = ({ strapi }: { strapi: Core.Strapi }) => ({
  async attach(actor: Actor, number: string, input: { kind: unknown; name: unknown; file: IncomingFile | undefined }) {
    const order = await strapi.db.query(UIDS.order).findOne({ where: { number }, populate: SCOPE_POPULATE });
    if (!order || !(await getService('scope').canView(actor, order))) throw notFound();
    if (order.outcome) throw forbidden('工单已结束，不能再上传附件');

    const kinds: string[] = (strapi.contentType(UIDS.orderFile as any) as any).attributes.kind.enum;
    const problems = [];
    if (typeof input.kind !== 'string' || !kinds.includes(input.kind)) problems.push({ path: ['kind'], message: `附件类型应为：${kinds.join('、')}` });
    if (!input.file) problems.push({ path: ['file'], message: '缺少文件' });
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : input.file?.originalFilename ?? '';
    if (!name || name.length > 200) problems.push({ path: ['name'], message: '请填写有意义的文件名称（200字以内）' });
    if (problems.length > 0) throw badRequest('附件信息有误', problems);

    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const requirements: ArtifactRequirement[] = candidateEvents(def.nodes, storedValue(order.stateValue))
      .flatMap((c) => c.transitions.flatMap((t) => t.meta?.artifacts ?? []))
      .filter((r) => r.kind === input.kind);
    const file = input.file!;
    const ext = extOf(file.originalFilename ?? name);
    const typed = requirements.filter((r) => r.types?.length);
    if (typed.length && !typed.some((r) => r.types!.some((t) => (t.startsWith('.') ? t.toLowerCase() === ext : t === file.mimetype)))) {
      throw badRequest('附件格式不符', [{ path: ['file'], message: `此步骤的“${typed[0].label}”只接受：${typed[0].types!.join('、')}` }]);
    }

    const digest = sha256(fs.readFileSync(file.filepath));
    const [uploaded] = await strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name } }, files: file });
    const previous = await strapi.db.query(UIDS.orderFile).count({ where: { order: { id: order.id }, kind: input.kind } });
    const row = await strapi.db.query(UIDS.orderFile).create({
      data: {
        order: order.id,
        file: uploaded.id,
        kind: input.kind,
        name,
        version: previous + 1,
        step: order.currentStep,
        sha256: digest,
        ...(actor.kind === 'applicant' ? { uploadedByApplicant: actor.id } : actor.staffId ? { uploadedByStaff: actor.staffId } : {}),
      },
    });
    return { id: row.id, kind: row.kind, name: row.name, version: row.version, step: row.step, sha256: digest, mime: uploaded.mime, size: uploaded.size };
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
      (byKind[r.kind] ??= []).push({ id: r.id, name: r.name, version: r.version, step: r.step, sha256: r.sha256, mime: r.file?.mime, size: r.file?.size, uploadedAt: r.createdAt, current: byKind[r.kind].length === 0 });
    }
    return byKind;
  },
});

export default files;
