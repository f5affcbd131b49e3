import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, forbidden, notFound } from '../errors';
import type { Actor } from './registry';
import type { IncomingFile } from './files';
import { getService } from '../utils';
import { uidOf } from '../domain';

const TEMPLATE = () => uidOf('contractTemplate');
const CONTRACT_ROLES = ['contract-approver', 'department-admin'];

const compile = (buffer: Buffer) =>
  new Docxtemplater(new PizZip(buffer), {
    paragraphLoop: true,
    linebreaks: true,
    nullGetter: () => '',
    errorLogging: false,
  });

/** What docxtemplater says is wrong with a template, in words an administrator can act on. */
const templateProblems = (error: any): string[] =>
  (error?.properties?.errors ?? [error]).map((e: any) => {
    const p = e?.properties ?? {};
    if (p.id === 'unclosed_tag' || p.id === 'unopened_tag') return `占位符括号不成对：${p.xtag ?? ''}`;
    if (p.id === 'duplicate_open_tag' || p.id === 'duplicate_close_tag') return `占位符括号重复：${p.xtag ?? ''}`;
    return p.explanation ?? e?.message ?? '模板无法解析';
  });

const chinaDate = (at: Date) => {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

const tempFile = (buffer: Buffer, ext: string) => {
  const filepath = path.join(os.tmpdir(), `contract-${randomBytes(6).toString('hex')}${ext}`);
  fs.writeFileSync(filepath, buffer);
  return filepath;
};

/**
 * Contract templates: administrators upload .docx files with {placeholders}; staff draft an order's
 * contract from one (docxtemplater), attached to the order as the next version of its contract.
 */
const contracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list() {
    const rows = await strapi.db.query(TEMPLATE()).findMany({
      where: { active: true },
      select: ['id', 'name', 'processKey', 'placeholders', 'createdAt'],
      orderBy: { id: 'desc' },
    });
    return rows;
  },

  async upload(actor: Actor, input: { name: unknown; processKey: unknown; file: IncomingFile | undefined }) {
    const problems = [];
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 100) problems.push({ path: ['name'], message: '请填写模板名称（100字以内）' });
    if (!input.file) problems.push({ path: ['file'], message: '缺少模板文件' });
    if (problems.length) throw badRequest('合同模板有误', problems);
    const buffer = fs.readFileSync(input.file!.filepath);
    const type = await fileTypeFromBuffer(buffer);
    if (type?.ext !== 'docx')
      throw badRequest('合同模板有误', [{ path: ['file'], message: '模板应为 Word 文档（.docx）' }]);
    let placeholders: string[];
    try {
      placeholders = [
        ...new Set(
          [
            ...compile(buffer)
              .getFullText()
              .matchAll(/\{([^{}]+)\}/g),
          ].map((m) => m[1].trim()),
        ),
      ];
    } catch (error) {
      throw badRequest(
        '合同模板有误',
        templateProblems(error).map((message) => ({ path: ['file'], message })),
      );
    }
    const [uploaded] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: `template-${randomBytes(6).toString('hex')}.docx` } },
        files: { ...input.file!, originalFilename: `${name}.docx`, mimetype: type.mime },
      });
    const processKey = typeof input.processKey === 'string' && input.processKey ? input.processKey : null;
    return strapi.db.query(TEMPLATE()).create({
      data: { name, processKey, file: uploaded.id, placeholders, active: true },
      select: ['id', 'name', 'processKey', 'placeholders'],
    });
  },

  /** The values a template's placeholders take for an order: its contract record, parties, form fields. */
  async values(order: any) {
    const contract = await strapi.db
      .query(uidOf('contract'))
      .findOne({ where: { order: { id: order.id } }, orderBy: { id: 'desc' } });
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const form = order.formData ?? {};
    const byLabel = Object.fromEntries(def.spec.form.fields.map((f) => [f.label, form[f.name] ?? '']));
    return {
      ...form,
      ...byLabel,
      合同编号: contract?.contractNo ?? `HT-${order.number}`,
      合同名称: contract?.name ?? `${def.spec.name}合同`,
      工单编号: order.number,
      甲方: contract?.partyA ?? order.title ?? '',
      乙方: contract?.partyB ?? order.organization?.name ?? '',
      地址: contract?.place ?? form.waterAddress ?? form.address ?? '',
      金额: contract?.amount ?? '',
      结算金额: contract?.settlementAmount ?? '',
      日期: chinaDate(getService('clock').now()),
    };
  },

  /** Drafts the order's contract from a template and attaches it as the next version of its contract. */
  async draft(actor: Actor, number: string, templateId: number) {
    const order = await getService('scope').loadVisible(actor, number);
    if (!actor.superAdmin && !actor.roles.some((r) => CONTRACT_ROLES.includes(r)))
      throw forbidden('只有合同管理人员可以生成合同草稿');
    if (!(await getService('scope').canViewNow(actor, order)))
      throw forbidden('工单已不在您的处理范围内，不能生成合同草稿');
    if (!Number.isInteger(templateId) || templateId < 1)
      throw badRequest('合同草稿有误', [{ path: ['templateId'], message: '请选择合同模板' }]);
    const template = await strapi.db
      .query(TEMPLATE())
      .findOne({ where: { id: templateId, active: true }, populate: { file: true } });
    if (!template?.file) throw notFound('合同模板不存在');
    const source = fs.readFileSync(path.join(strapi.dirs.static.public, template.file.url));
    const doc = compile(source);
    doc.render(await this.values(order));
    const buffer = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
    const filepath = tempFile(buffer, '.docx');
    try {
      return await getService('files').attach(actor, number, {
        kind: 'contract',
        name: `${template.name}-${number}.docx`,
        file: {
          filepath,
          originalFilename: `${template.name}.docx`,
          mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          size: buffer.length,
        },
      });
    } finally {
      fs.rmSync(filepath, { force: true });
    }
  },
});

export default contracts;
