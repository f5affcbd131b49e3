import type { Core } from '@strapi/strapi';
import { APPLICANT_ROLE, SYSTEM_ROLE, UIDS } from '../constants';
import { kept } from '../kept';
import { randomBytes } from 'node:crypto';
import { badRequest, forbidden } from '../errors';
import { domain } from '../domain';
import type { Actor } from './registry';
import { APPLICANT_TYPES, type ApplicantType } from '../engine/spec';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Who is calling: an applicant (users-permissions user) or a staff member (admin user + staff profile). */
const actors = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every staff request needs the caller's profile, often twice (policy and controller).
  const profiles = kept(strapi, [UIDS.staff], (adminUserId: number) =>
    strapi.db.query(UIDS.staff).findOne({
      where: { adminUser: { id: adminUserId }, active: true },
      populate: { organization: { select: ['id'] } },
    }),
  );
  const profileOf = (adminUserId: number) => profiles.get(adminUserId);

  return {
    /** The active staff profile of an admin user, with its organization id; null when none. */
    profile: profileOf,

    applicant(user: { id: number; username?: string; realName?: string }): Actor {
      return {
        kind: 'applicant',
        id: user.id,
        name: user.realName || user.username || `用户${user.id}`,
        roles: [APPLICANT_ROLE],
      };
    },

    /** An applicant's type as their account holds it now (企业 or 居民), null when they have not said. */
    async applicantType(actor: Actor): Promise<ApplicantType | null> {
      if (actor.kind !== 'applicant' || !actor.id) return null;
      const where = { id: actor.id };
      const user = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where, select: ['applicantType'] });
      return user?.applicantType && user.applicantType in APPLICANT_TYPES ? user.applicantType : null;
    },

    async staff(adminUser: {
      id: number;
      firstname?: string;
      lastname?: string;
      roles?: Array<{ code: string }>;
    }): Promise<Actor> {
      const superAdmin = (adminUser.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE);
      const profile = await profileOf(adminUser.id);
      if (!profile && !superAdmin) throw forbidden('您还没有员工档案，请联系管理员');
      return {
        kind: 'staff',
        id: adminUser.id,
        name:
          profile?.name ||
          [adminUser.lastname, adminUser.firstname].filter(Boolean).join('') ||
          `管理员${adminUser.id}`,
        roles: profile?.jobRoles ?? [],
        organizationId: profile?.organization?.id ?? null,
        staffId: profile?.id ?? null,
        superAdmin,
      };
    },

    /** 窗口受理: the walk-in applicant by mobile number, created when new (they sign in later by SMS or WeChat). */
    async findOrCreateApplicant(mobileInput: unknown, name: unknown): Promise<number> {
      const mobile = typeof mobileInput === 'string' ? domain().normalizeMobile(mobileInput) : null;
      if (!mobile)
        throw badRequest('申请人信息有误', [
          { path: ['applicantMobile'], message: '申请人手机号码应为11位中国大陆手机号码' },
        ]);
      const existing = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { mobile }, select: ['id'] });
      if (existing) return existing.id;
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' }, select: ['id'] });
      const user = await strapi
        .plugin('users-permissions')
        .service('user')
        .add({
          username: `m${mobile}`,
          email: `m${mobile}@window.invalid`,
          password: randomBytes(24).toString('base64'),
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
          mobile,
          realName: typeof name === 'string' ? name.slice(0, 50) : null,
        });
      return user.id;
    },

    system(name = '系统'): Actor {
      return { kind: 'system', id: null, name, roles: [SYSTEM_ROLE] };
    },
  };
};

export default actors;
