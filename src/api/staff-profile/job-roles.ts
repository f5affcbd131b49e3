/** Job roles a staff member can hold; process definitions name them to say who may act on a step. */
export const JOB_ROLES = {
  'window-clerk': '窗口受理员',
  'technical-head': '技术部门负责人',
  surveyor: '勘察员',
  designer: '设计员',
  'contract-approver': '合同审批人',
  finance: '财务人员',
  leader: '领导',
  'construction-crew': '施工人员',
  'acceptance-staff': '验收人员',
  'department-admin': '部门管理员',
} as const;

export type JobRole = keyof typeof JOB_ROLES;

export const isJobRole = (value: unknown): value is JobRole => typeof value === 'string' && value in JOB_ROLES;

/** Problems with a jobRoles value, or an empty list. */
export const jobRoleProblems = (value: unknown): string[] => {
  if (!Array.isArray(value) || value.length === 0) return ['至少需要一个岗位角色'];
  return value
    .filter((r) => !isJobRole(r))
    .map((r) => `未知的岗位角色：${String(r)}，可选：${Object.keys(JOB_ROLES).join('、')}`);
};
