import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import data from './demo-data.json';
import { SAMPLE_FILES, contractTemplate } from './sample-files';

export interface SeedCounts {
  organizations: number;
  staff: number;
  applicants: number;
  orders: number;
}

const ORG = 'api::organization.organization';
const STAFF = 'api::staff-profile.staff-profile';
const USER = 'plugin::users-permissions.user';
const ORDER = 'api::order.order';

const seedOrganizations = async (strapi: Core.Strapi, counts: SeedCounts) => {
  const ids: Record<string, number> = {};
  // Parents come first in the file, so one pass resolves every parent.
  for (const org of data.organizations) {
    const found = await strapi.db.query(ORG).findOne({ where: { code: org.code }, select: ['id'] });
    if (found) {
      ids[org.code] = found.id;
      continue;
    }
    const parent = 'parent' in org && org.parent ? ids[org.parent] : null;
    const created = await strapi.db
      .query(ORG)
      .create({ data: { code: org.code, name: org.name, type: org.type, parent } });
    ids[org.code] = created.id;
    counts.organizations += 1;
  }
  return ids;
};

const ensureAdminUser = async (
  strapi: Core.Strapi,
  attrs: { email: string; firstname: string; lastname?: string },
  roleId: number,
) => {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: attrs.email }, select: ['id'] });
  if (existing) return { id: existing.id as number, created: false };
  const user = await strapi.service('admin::user').create({
    ...attrs,
    password: data.password,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  return { id: user.id as number, created: true };
};

const seedStaff = async (strapi: Core.Strapi, orgIds: Record<string, number>, counts: SeedCounts) => {
  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  await ensureAdminUser(strapi, data.superAdmin, superAdminRole.id);

  // Department administrators get the scoped 部门管理员 role, everyone else 一线员工.
  const roleId = async (code: string) =>
    (await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] })).id;
  const managerRole = await roleId('workflow-department-admin');
  const frontlineRole = await roleId('workflow-frontline');
  for (const member of data.staff) {
    const [firstname, ...rest] = [member.name.slice(0, 1), member.name.slice(1)];
    const role = member.jobRoles.includes('department-admin') ? managerRole : frontlineRole;
    const admin = await ensureAdminUser(
      strapi,
      { email: member.email, firstname: rest.join('') || firstname, lastname: firstname },
      role,
    );
    const profile = await strapi.db.query(STAFF).findOne({ where: { adminUser: { id: admin.id } }, select: ['id'] });
    if (profile) continue;
    await strapi.db.query(STAFF).create({
      data: {
        adminUser: admin.id,
        name: member.name,
        organization: orgIds[member.organization],
        jobRoles: member.jobRoles,
        mobile: member.mobile,
        active: true,
      },
    });
    counts.staff += 1;
  }
};

const seedApplicants = async (strapi: Core.Strapi, counts: SeedCounts) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' }, select: ['id'] });
  const ids: Record<string, number> = {};
  for (const applicant of data.applicants) {
    const found = await strapi.db.query(USER).findOne({ where: { username: applicant.username }, select: ['id'] });
    if (found) {
      ids[applicant.username] = found.id;
      continue;
    }
    const user = await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        ...applicant,
        password: data.password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
    ids[applicant.username] = user.id;
    counts.applicants += 1;
  }
  return ids;
};

const canonical = (form: Record<string, unknown>) =>
  JSON.stringify(
    Object.entries(form)
      .map(([k, v]) => [k, String(v)])
      .sort(),
  );
const sameForm = (a: Record<string, unknown>, b: Record<string, unknown>) => canonical(a) === canonical(b);

type ProgressStep = { as: string; action?: string; form?: Record<string, unknown>; upload?: string; file?: string };

const staffActor = async (strapi: Core.Strapi, email: string) => {
  const admin = await strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
  return strapi.plugin('workflow').service('actors').staff(admin);
};

/** A small real file of the name's type, in a temporary file as an upload would arrive. */
const demoFile = (name: string) => {
  const sample = SAMPLE_FILES[path.extname(name)];
  const filepath = path.join(os.tmpdir(), `demo-${randomBytes(6).toString('hex')}${path.extname(name)}`);
  fs.writeFileSync(filepath, sample.content());
  return { filepath, originalFilename: name, mimetype: sample.mime, size: fs.statSync(filepath).size };
};

/** Walks a freshly created demo order through its first steps, as the staff named in the data. */
const progress = async (strapi: Core.Strapi, number: string, steps: ProgressStep[]) => {
  const wf = strapi.plugin('workflow');
  for (const s of steps) {
    const actor = await staffActor(strapi, s.as);
    if (s.upload) {
      const file = demoFile(s.file!);
      try {
        await wf.service('files').attach(actor, number, { kind: s.upload, name: s.file, file });
      } finally {
        fs.rmSync(file.filepath, { force: true });
      }
      continue;
    }
    const { lockVersion } = await strapi.db.query(ORDER).findOne({ where: { number }, select: ['lockVersion'] });
    await wf
      .service('transitions')
      .perform({ number, action: s.action!, version: lockVersion, form: s.form ?? {}, actor });
  }
};

const seedOrders = async (strapi: Core.Strapi, applicantIds: Record<string, number>, counts: SeedCounts) => {
  const wf = strapi.plugin('workflow');
  for (const order of data.orders as Array<{
    applicant?: string;
    staff?: string;
    processKey: string;
    channel: string;
    formData: Record<string, unknown>;
    progress?: ProgressStep[];
  }>) {
    const applicantId = order.applicant ? applicantIds[order.applicant] : null;
    // An order is "the same" when the same process has an order with the same form.
    const same = await strapi.db.query(ORDER).findMany({
      where: { processKey: order.processKey, title: String(order.formData.unitName ?? order.formData.name) },
      select: ['formData'],
    });
    if (same.some((o: { formData: Record<string, unknown> }) => sameForm(o.formData, order.formData))) continue;
    const actor = applicantId
      ? wf.service('actors').applicant({ id: applicantId, username: order.applicant })
      : await staffActor(strapi, order.staff!);
    const { number } = await wf
      .service('transitions')
      .start({ processKey: order.processKey, channel: order.channel, formData: order.formData, actor });
    await progress(strapi, number, order.progress ?? []);
    counts.orders += 1;
  }
};

/** A contract template for the water company, once. */
const seedContractTemplate = async (strapi: Core.Strapi) => {
  if (await strapi.db.query('api::contract-template.contract-template').count()) return;
  const filepath = path.join(os.tmpdir(), `demo-template-${randomBytes(6).toString('hex')}.docx`);
  const content = contractTemplate();
  fs.writeFileSync(filepath, content);
  try {
    const admin = await staffActor(strapi, data.superAdmin.email);
    await strapi
      .plugin('workflow')
      .service('contracts')
      .upload(admin, {
        name: '供水工程合同',
        processKey: 'water-enterprise',
        file: {
          filepath,
          originalFilename: '供水工程合同.docx',
          mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          size: content.length,
        },
      });
  } finally {
    fs.rmSync(filepath, { force: true });
  }
};

/** Demo organizations, staff for every job role, applicants and orders. Idempotent: a second run creates nothing. */
export const seedDemo = async (strapi: Core.Strapi): Promise<SeedCounts> => {
  const counts: SeedCounts = { organizations: 0, staff: 0, applicants: 0, orders: 0 };
  const orgIds = await seedOrganizations(strapi, counts);
  await seedStaff(strapi, orgIds, counts);
  const applicantIds = await seedApplicants(strapi, counts);
  await seedOrders(strapi, applicantIds, counts);
  await seedContractTemplate(strapi);
  return counts;
};
