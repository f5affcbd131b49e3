import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { EffectContext } from '../plugins/workflow/server/src/services/registry';

const CONTRACT = 'api::contract.contract';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const latestContract = ({ strapi, order }: EffectContext) =>
  strapi.db.query(CONTRACT).findOne({ where: { order: { id: order.id } }, orderBy: { id: 'desc' } });

const updateContract = async (ctx: EffectContext, data: Record<string, unknown>) => {
  const contract = await latestContract(ctx);
  if (!contract) return null;
  await ctx.strapi.db.query(CONTRACT).update({ where: { id: contract.id }, data });
  return contract;
};

const endContract = (outcome: 'approved' | 'not-approved' | 'terminated') => async (ctx: EffectContext) => {
  const contract = await updateContract(ctx, { outcome });
  ctx.changes.contractOutcome = { before: contract?.outcome ?? null, after: outcome };
};

const flag = (name: 'paymentDeferred' | 'changedDuringConstruction') => (ctx: EffectContext) => {
  ctx.changes[name] = { before: !!ctx.order[name], after: true };
  ctx.patch[name] = true;
};

/** Stores an inline PNG/JPEG (a data URL) through the upload plugin, as any other file. */
const storeDataUrl = async (ctx: EffectContext, dataUrl: string, name: string) => {
  const [, mime, base64] = /^data:(image\/(?:png|jpeg));base64,(.+)$/.exec(dataUrl)!;
  const buffer = Buffer.from(base64, 'base64');
  const filepath = path.join(
    os.tmpdir(),
    `sig-${randomBytes(6).toString('hex')}.${mime === 'image/png' ? 'png' : 'jpg'}`,
  );
  fs.writeFileSync(filepath, buffer);
  try {
    const [file] = await ctx.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name } },
        files: { filepath, originalFilename: path.basename(filepath), mimetype: mime, size: buffer.length },
      });
    return { file, hash: sha256(buffer) };
  } finally {
    fs.rmSync(filepath, { force: true });
  }
};

/** Side effects the process definitions name; each runs inside the transition's transaction. */
export const effects: Record<string, (ctx: EffectContext) => Promise<void> | void> = {
  /** The applicant edited the application after it was returned. */
  async updateApplication(ctx) {
    const { order, form, patch, changes } = ctx;
    changes.formData = { before: order.formData, after: form };
    patch.formData = form;
    if (typeof form.category === 'string' || ctx.facts.suggestedCategory)
      patch.category = (form.category as string) || ctx.facts.suggestedCategory;
    for (const field of ['unitName', 'name']) if (typeof form[field] === 'string') patch.title = form[field];
    if (typeof form.contactPhone === 'string') patch.contactPhone = form.contactPhone;
  },

  async saveContract(ctx) {
    const { strapi, order, form, changes } = ctx;
    const contract = await strapi.db
      .query(CONTRACT)
      .create({ data: { ...form, order: order.id, counterpartyOutcome: 'unknown', approvals: [] } });
    changes.contract = { before: null, after: { id: contract.id, ...form } };
  },

  async recordContractApproval(ctx) {
    const { index, name, rejected } = (ctx.params ?? {}) as { index: number; name: string; rejected?: boolean };
    const contract = await latestContract(ctx);
    if (!contract) return;
    const entry = {
      index,
      name,
      outcome: rejected ? 'rejected' : 'approved',
      by: ctx.actor.name,
      at: ctx.at.toISOString(),
      comment: (ctx.form.reason ?? ctx.form.notes ?? null) as string | null,
    };
    await ctx.strapi.db
      .query(CONTRACT)
      .update({ where: { id: contract.id }, data: { approvals: [...(contract.approvals ?? []), entry] } });
    ctx.changes.contractApproval = { before: null, after: entry };
  },

  async setCounterparty(ctx) {
    const outcome = String(ctx.params?.outcome);
    const contract = await updateContract(ctx, { counterpartyOutcome: outcome });
    ctx.changes.counterpartyOutcome = { before: contract?.counterpartyOutcome ?? null, after: outcome };
  },

  // The contract sub-process ends approved (signed), not approved (rejected by an approver or by the
  // owner) or terminated (the application ends there): the contract keeps how.
  approveContract: endContract('approved'),
  rejectContract: endContract('not-approved'),
  terminateContract: endContract('terminated'),

  async recordPayment(ctx) {
    const { strapi, order, form, at, actor } = ctx;
    await strapi.db.query('api::payment.payment').create({
      data: {
        order: order.id,
        amount: form.amount,
        receiptNo: form.receiptNo ?? null,
        paid: true,
        paidAt: at,
        recordedBy: actor.staffId ?? null,
      },
    });
    ctx.changes.payment = { before: null, after: { amount: form.amount, receiptNo: form.receiptNo ?? null } };
  },

  flagPaymentDeferred: flag('paymentDeferred'),
  flagChangedDuringConstruction: flag('changedDuringConstruction'),

  saveDispatchSheet(ctx) {
    ctx.patch.dispatchSheet = ctx.form;
    ctx.changes.dispatchSheet = { before: ctx.order.dispatchSheet ?? null, after: ctx.form };
  },

  async recordSettlement(ctx) {
    ctx.patch.finalCost = ctx.form.finalCost;
    ctx.changes.finalCost = { before: ctx.order.finalCost ?? null, after: ctx.form.finalCost };
    await updateContract(ctx, { settlementAmount: ctx.form.finalCost });
  },

  /** Energy: the organization the dispatch rules chose takes the order (power bureau or energy company). */
  async dispatchByRule(ctx) {
    const target = ctx.facts.dispatch;
    if (!target) return;
    const org = await ctx.strapi.db
      .query('api::organization.organization')
      .findOne({ where: { code: target.organization }, select: ['id', 'name'] });
    if (!org) return;
    ctx.patch.organization = org.id;
    ctx.order.organization = { id: org.id, name: org.name };
    ctx.changes.organization = {
      before: null,
      after: { code: target.organization, name: org.name, planType: target.planType },
    };
  },

  recordPreReviewReasons(ctx) {
    ctx.changes.preReview = { before: null, after: { passed: false, reasons: ctx.facts.preReview?.reasons ?? [] } };
  },

  /** Plan confirmation: the signature image, server time and a SHA-256 over what was signed. */
  async recordSignature(ctx) {
    const { strapi, order, form, at, actor } = ctx;
    const plan = await strapi.db.query('api::order-file.order-file').findOne({
      where: { order: { id: order.id }, kind: 'plan' },
      orderBy: { version: 'desc' },
      select: ['sha256', 'version'],
    });
    const { file, hash: imageHash } = await storeDataUrl(ctx, String(form.signature), `${order.number}-方案确认签名`);
    const digest = sha256([order.number, 'confirm', plan?.sha256 ?? '', imageHash].join('|'));
    const signature = await strapi.db.query('api::signature.signature').create({
      data: {
        order: order.id,
        image: file.id,
        signer: actor.kind === 'applicant' ? actor.id : null,
        action: 'confirm',
        signedAt: at,
        sha256: digest,
      },
    });
    // The image itself is not kept in the history; its hash and the signature's are.
    delete form.signature;
    ctx.changes.signature = {
      before: null,
      after: {
        id: signature.id,
        signedAt: at.toISOString(),
        sha256: digest,
        imageSha256: imageHash,
        planSha256: plan?.sha256 ?? null,
      },
    };
  },

  async saveSurveyRecord(ctx) {
    const { strapi, order, form, actor } = ctx;
    const files = await strapi.db.query('api::order-file.order-file').findMany({
      where: {
        order: { id: order.id },
        kind: { $in: ['site-photo', 'voice-note'] },
        createdAt: { $gte: order.stepEnteredAt },
      },
      populate: { file: { select: ['id'] } },
    });
    const ids = (kind: string) => files.filter((f: any) => f.kind === kind && f.file).map((f: any) => f.file.id);
    const record = await strapi.db.query('api::survey-record.survey-record').create({
      data: {
        order: order.id,
        latitude: form.latitude,
        longitude: form.longitude,
        notes: form.notes ?? null,
        photos: ids('site-photo'),
        voiceNotes: ids('voice-note'),
        surveyor: actor.staffId ?? null,
      },
    });
    ctx.changes.surveyRecord = {
      before: null,
      after: { id: record.id, latitude: form.latitude, longitude: form.longitude },
    };
  },

  async saveProgressReport(ctx) {
    const exception = Boolean(ctx.params?.exception);
    const report = await ctx.strapi.db.query('api::progress-report.progress-report').create({
      // Stamped with the engine's time, like the history event it belongs to.
      data: {
        order: ctx.order.id,
        text: ctx.form.text,
        stage: ctx.form.stage ?? null,
        exception,
        reporter: ctx.actor.staffId ?? null,
        createdAt: ctx.at,
      },
    });
    ctx.changes.progressReport = { before: null, after: { id: report.id, exception } };
  },

  async saveEvaluation(ctx) {
    const evaluation = await ctx.strapi.db.query('api::evaluation.evaluation').create({
      data: {
        order: ctx.order.id,
        score: ctx.form.score,
        comment: ctx.form.comment ?? null,
        applicant: ctx.actor.kind === 'applicant' ? ctx.actor.id : null,
        createdAt: ctx.at,
      },
    });
    ctx.changes.evaluation = { before: null, after: { id: evaluation.id, score: ctx.form.score } };
  },
};
