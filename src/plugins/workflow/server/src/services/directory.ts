import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { badRequest, forbidden, notFound, type FieldProblem } from '../errors';
import { domain } from '../domain';
import type { Actor } from './registry';
import { getService } from '../utils';

const ORG_TYPES = ['power-bureau', 'energy-company', 'water-company', 'department'];

/**
 * Organizations and staff profiles, as administrators keep them: super administrators everywhere,
 * department administrators within their own organization's tree.
 */
const directory = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The organizations the actor may manage; null means all. */
  const managed = async (actor: Actor): Promise<number[] | null> => {
    const orgs = await getService('scope').managedOrganizations(actor);
    if (orgs !== null && !orgs.length) throw forbidden('只有管理员可以管理机构和人员');
    return orgs;
  };
  const mayManage = (orgs: number[] | null, id: number | null | undefined) =>
    orgs === null || (id != null && orgs.includes(id));

  return {
    async organizations(actor: Actor) {
      const orgs = await managed(actor);
      const rows = await strapi.db.query(UIDS.organization).findMany({
        where: orgs ? { id: { $in: orgs } } : {},
        select: ['id', 'name', 'code', 'type'],
        populate: { parent: { select: ['id'] } },
        orderBy: { id: 'asc' },
      });
      return rows.map((o: any) => ({
        id: o.id,
        name: o.name,
        code: o.code,
        type: o.type,
        parent: o.parent?.id ?? null,
      }));
    },

    async saveOrganization(actor: Actor, id: number | null, input: Record<string, any>) {
      const orgs = await managed(actor);
      const problems: FieldProblem[] = [];
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (!name || name.length > 100) problems.push({ path: ['name'], message: '请填写机构名称（100字以内）' });
      const parent =
        input.parent === null || input.parent === undefined || input.parent === '' ? null : Number(input.parent);
      if (
        parent !== null &&
        !(await strapi.db.query(UIDS.organization).findOne({ where: { id: parent }, select: ['id'] }))
      )
        problems.push({ path: ['parent'], message: '上级机构不存在' });
      if (parent !== null && !mayManage(orgs, parent))
        problems.push({ path: ['parent'], message: '上级机构不在您的管理范围内' });
      if (parent === null && orgs !== null) problems.push({ path: ['parent'], message: '请选择上级机构' });
      if (id !== null && parent !== null && (await getService('scope').treeIds(id)).includes(parent))
        problems.push({ path: ['parent'], message: '上级机构不能是本机构或其下级' });
      const data: Record<string, unknown> = { name, parent };
      if (id === null) {
        const code = typeof input.code === 'string' ? input.code.trim().toUpperCase() : '';
        if (!/^[A-Z0-9-]{2,50}$/.test(code))
          problems.push({ path: ['code'], message: '机构代码应为2–50位大写字母、数字或连字符' });
        else if (await strapi.db.query(UIDS.organization).count({ where: { code } }))
          problems.push({ path: ['code'], message: '机构代码已被使用' });
        const type = input.type ?? 'department';
        if (!ORG_TYPES.includes(type))
          problems.push({ path: ['type'], message: `机构类型应为：${ORG_TYPES.join('、')}` });
        Object.assign(data, { code, type });
      }
      if (problems.length) throw badRequest('机构信息有误', problems);
      if (id === null)
        return strapi.db.query(UIDS.organization).create({ data, select: ['id', 'name', 'code', 'type'] });
      if (
        !mayManage(orgs, id) ||
        !(await strapi.db.query(UIDS.organization).findOne({ where: { id }, select: ['id'] }))
      )
        throw notFound();
      return strapi.db.query(UIDS.organization).update({ where: { id }, data, select: ['id', 'name', 'code', 'type'] });
    },

    async staff(actor: Actor) {
      const orgs = await managed(actor);
      const rows = await strapi.db.query(UIDS.staff).findMany({
        where: orgs ? { organization: { id: { $in: orgs } } } : {},
        select: ['id', 'name', 'jobRoles', 'mobile', 'capacity', 'active'],
        populate: { organization: { select: ['id', 'name'] }, adminUser: { select: ['id', 'email'] } },
        orderBy: { id: 'asc' },
      });
      return rows.map((s: any) => ({
        id: s.id,
        name: s.name,
        email: s.adminUser?.email ?? null,
        organization: s.organization ?? null,
        jobRoles: s.jobRoles ?? [],
        mobile: s.mobile,
        capacity: s.capacity ?? 20,
        active: s.active !== false,
      }));
    },

    /** Creates (with the e-mail of an admin account that has no profile yet) or updates a staff profile. */
    async saveStaff(actor: Actor, id: number | null, input: Record<string, any>) {
      const orgs = await managed(actor);
      const problems: FieldProblem[] = [];
      const roles = getService('registry').roles();
      const data: Record<string, unknown> = {};
      if (input.organization !== undefined) {
        const org = Number(input.organization);
        if (
          !mayManage(orgs, org) ||
          !(await strapi.db.query(UIDS.organization).findOne({ where: { id: org }, select: ['id'] }))
        )
          problems.push({ path: ['organization'], message: '机构不存在或不在您的管理范围内' });
        data.organization = org;
      }
      if (input.jobRoles !== undefined) {
        if (
          !Array.isArray(input.jobRoles) ||
          !input.jobRoles.length ||
          input.jobRoles.some((r: unknown) => !roles.includes(String(r)))
        ) {
          problems.push({ path: ['jobRoles'], message: `岗位应为以下之一或多个：${roles.join('、')}` });
        }
        data.jobRoles = input.jobRoles;
      }
      if (input.mobile !== undefined && input.mobile !== '' && input.mobile !== null) {
        const problem = domain().mobileProblem(String(input.mobile));
        if (problem) problems.push({ path: ['mobile'], message: `手机号${problem}` });
        data.mobile = domain().normalizeMobile(String(input.mobile)) ?? input.mobile;
      }
      if (input.capacity !== undefined) {
        const capacity = Number(input.capacity);
        if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000)
          problems.push({ path: ['capacity'], message: '可承载工单数应为1–1000的整数' });
        data.capacity = capacity;
      }
      if (input.active !== undefined) data.active = Boolean(input.active);
      let adminUser: any = null;
      if (id === null) {
        const name = typeof input.name === 'string' ? input.name.trim() : '';
        if (!name) problems.push({ path: ['name'], message: '请填写姓名' });
        data.name = name;
        adminUser = await strapi.db.query('admin::user').findOne({
          where: {
            email: String(input.email ?? '')
              .trim()
              .toLowerCase(),
          },
          select: ['id'],
        });
        if (!adminUser) problems.push({ path: ['email'], message: '没有这个后台账号，请先在“设置 → 管理员”中创建' });
        else if (await strapi.db.query(UIDS.staff).count({ where: { adminUser: { id: adminUser.id } } }))
          problems.push({ path: ['email'], message: '此账号已有员工资料' });
        for (const required of ['organization', 'jobRoles'] as const)
          if (input[required] === undefined) problems.push({ path: [required], message: '必填' });
      }
      if (problems.length) throw badRequest('人员信息有误', problems);
      if (id === null)
        return strapi.db
          .query(UIDS.staff)
          .create({ data: { ...data, adminUser: adminUser.id, active: data.active ?? true }, select: ['id', 'name'] });
      const existing = await strapi.db
        .query(UIDS.staff)
        .findOne({ where: { id }, populate: { organization: { select: ['id'] } } });
      if (!existing || !mayManage(orgs, existing.organization?.id)) throw notFound();
      return strapi.db.query(UIDS.staff).update({ where: { id }, data, select: ['id', 'name'] });
    },
  };
};

export default directory;
