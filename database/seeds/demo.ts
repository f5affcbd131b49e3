import type { Core } from '@strapi/strapi';
import data from './demo-data.json';

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
    const created = await strapi.db.query(ORG).create({ data: { code: org.code, name: org.name, type: org.type, parent } });
    ids[org.code] = created.id;
    counts.organizations += 1;
  }
  return ids;
};

const ensureAdminUser = async (strapi: Core.Strapi, attrs: { email: string; firstname: string; lastname?: string }, roleId: number) => {
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

  // Staff get the built-in Editor role for now; the access issue replaces it with scoped roles.
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' }, select: ['id'] });
  for (const member of data.staff) {
    const [firstname, ...rest] = [member.name.slice(0, 1), member.name.slice(1)];
    const admin = await ensureAdminUser(strapi, { email: member.email, firstname: rest.join('') || firstname, lastname: firstname }, editor.id);
    const profile = await strapi.db.query(STAFF).findOne({ where: { adminUser: { id: admin.id } }, select: ['id'] });
    if (profile) continue;
    await strapi.db.query(STAFF).create({
      data: { adminUser: admin.id, name: member.name, organization: orgIds[member.organization], jobRoles: member.jobRoles, mobile: member.mobile, active: true },
    });
    counts.staff += 1;
  }
};

const seedApplicants = async (strapi: Core.Strapi, counts: SeedCounts) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' }, select: ['id'] });
  const ids: Record<string, number> = {};
  for (const applicant of data.applicants) {
    const found = await strapi.db.query(USER).findOne({ where: { username: applicant.username }, select: ['id'] });
    if (found) {
      ids[applicant.username] = found.id;
      continue;
    }
    const user = await strapi.plugin('users-permissions').service('user').add({
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

const canonical = (form: Record<string, unknown>) => JSON.stringify(Object.entries(form).map(([k, v]) => [k, String(v)]).sort());
const sameForm = (a: Record<string, unknown>, b: Record<string, unknown>) => canonical(a) === canonical(b);

const seedOrders = async (strapi: Core.Strapi, applicantIds: Record<string, number>, counts: SeedCounts) => {
  for (const order of data.orders) {
    const applicantId = applicantIds[order.applicant];
    // An order is "the same" when the same applicant applied in the same process with the same form.
    const mine = await strapi.db.query(ORDER).findMany({ where: { applicant: { id: applicantId }, processKey: order.processKey }, select: ['formData'] });
    if (mine.some((o: { formData: Record<string, unknown> }) => sameForm(o.formData, order.formData))) continue;
    const actor = strapi.plugin('workflow').service('actors').applicant({ id: applicantId, username: order.applicant });
    await strapi.plugin('workflow').service('transitions').start({ processKey: order.processKey, channel: order.channel, formData: order.formData, actor });
    counts.orders += 1;
  }
};

/** Demo organizations, staff for every job role, applicants and orders. Idempotent: a second run creates nothing. */
export const seedDemo = async (strapi: Core.Strapi): Promise<SeedCounts> => {
  const counts: SeedCounts = { organizations: 0, staff: 0, applicants: 0, orders: 0 };
  const orgIds = await seedOrganizations(strapi, counts);
  await seedStaff(strapi, orgIds, counts);
  const applicantIds = await seedApplicants(strapi, counts);
  await seedOrders(strapi, applicantIds, counts);
  return counts;
};
