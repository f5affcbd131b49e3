import type { Core } from '@strapi/strapi';
import { APPLICANT_ROLE, SYSTEM_ROLE, UIDS } from '../constants';
import { forbidden } from '../errors';
import type { Actor } from './registry';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Who is calling: an applicant (users-permissions user) or a staff member (admin user + staff profile). */
const actors = ({ strapi }: { strapi: Core.Strapi }) => ({
  applicant(user: { id: number; username?: string; realName?: string }): Actor {
    return { kind: 'applicant', id: user.id, name: user.realName || user.username || `用户${user.id}`, roles: [APPLICANT_ROLE] };
  },

  async staff(adminUser: { id: number; firstname?: string; lastname?: string; roles?: Array<{ code: string }> }): Promise<Actor> {
    const superAdmin = (adminUser.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE);
    const profile = await strapi.db.query(UIDS.staff).findOne({
      where: { adminUser: { id: adminUser.id }, active: true },
      populate: { organization: { select: ['id'] } },
    });
    if (!profile && !superAdmin) throw forbidden('您还没有员工档案，请联系管理员');
    return {
      kind: 'staff',
      id: adminUser.id,
      name: profile?.name ?? [adminUser.lastname, adminUser.firstname].filter(Boolean).join('') ?? `管理员${adminUser.id}`,
      roles: profile?.jobRoles ?? [],
      organizationId: profile?.organization?.id ?? null,
      staffId: profile?.id ?? null,
      superAdmin,
    };
  },

  system(name = '系统'): Actor {
    return { kind: 'system', id: null, name, roles: [SYSTEM_ROLE] };
  },
});

export default actors;
