import { canonicalJson } from './engine/canonical';

/** The kinds and actions of the audit trail, as administrators read them. */
export const KIND_LABELS: Record<string, string> = {
  organization: '机构',
  staff: '人员',
  definition: '流程定义',
  rule: '业务规则',
  settings: '业务设置',
  knowledge: '知识库文章',
  'contract-template': '合同模板',
  'admin-user': '后台账号',
  'admin-role': '后台角色',
  'admin-permission': '角色权限',
};
export const ACTION_LABELS: Record<string, string> = { create: '新增', update: '修改', delete: '删除' };

/** Field names of the audited records in Chinese (the same name means the same in every kind). */
const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  code: '代码',
  type: '类型',
  parent: '上级机构',
  organization: '机构',
  jobRoles: '岗位',
  mobile: '手机号',
  capacity: '可承载工单数',
  active: '启用',
  adminUser: '后台账号',
  key: '代码',
  version: '版本',
  published: '已发布',
  checksum: '校验码',
  spec: '流程内容',
  source: '来源',
  processKey: '业务',
  purpose: '用途',
  priority: '优先级',
  conditions: '条件',
  event: '结果',
  title: '标题',
  body: '正文',
  category: '报装类型',
  step: '步骤',
  audience: '对象',
  file: '文件',
  placeholders: '占位字段',
  firstname: '名',
  lastname: '姓',
  username: '用户名',
  email: '电子邮件',
  password: '密码',
  isActive: '启用',
  blocked: '已停用',
  roles: '角色',
  preferedLanguage: '界面语言',
  resetPasswordToken: '重置密码凭据',
  registrationToken: '注册凭据',
  description: '说明',
  action: '权限',
  subject: '对象',
  properties: '字段范围',
  role: '角色',
  actionParameters: '权限参数',
  value: '',
  environment: '环境',
  tag: '标记',
  sms: '短信',
  signName: '短信签名',
  templates: '短信模板',
  included: '套餐条数',
  price: '单价（元/条）',
  officeHours: '办公时间',
  warningPercents: '预警比例（%）',
  urgeAfterPercent: '可催办时间（办理时限的%）',
  staffSms: '员工短信',
  urge: '催办',
  assignment: '新任务',
  warning: '预警',
};

/** Values of enumerations as administrators know them; job roles come from the registry (see present()). */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: {
    'power-bureau': '电业局',
    'energy-company': '公用能源公司',
    'water-company': '自来水公司',
    department: '部门',
  },
  audience: { applicant: '申请人', staff: '员工', both: '申请人和员工' },
};

const valueLabel = (labels: Record<string, string> | undefined, value: unknown): unknown => {
  if (!labels) return value;
  if (Array.isArray(value)) return value.map((v) => valueLabel(labels, v));
  return typeof value === 'string' && labels[value] ? labels[value] : value;
};

export interface Change {
  field: string;
  before: string;
  after: string;
}

const MAX_TEXT = 200;

/** A value as text: names of related records, 是/否, lists joined, long content cut. */
const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map(text).join('、') : '（空）';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('name' in v || 'email' in v) return `${v.name ?? v.email}${v.id != null ? `（#${v.id}）` : ''}`;
    const json = canonicalJson(v);
    return json.length > MAX_TEXT ? `${json.slice(0, MAX_TEXT)}…` : json;
  }
  const s = String(value);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
};

const isPlain = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !('id' in (v as object));

/** Fields of a record, nested settings one level deep (短信 · 短信签名). */
type Values = Record<string, Record<string, string>>;

const flatten = (
  row: Record<string, unknown> | null,
  values: Values,
  prefix: string[] = [],
  depth = 0,
): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(row ?? {})) {
    const path = [...prefix, FIELD_LABELS[key] ?? key].filter(Boolean);
    if (isPlain(value) && depth < 2 && Object.keys(value).length <= 20) {
      for (const [k, v] of flatten(value, values, path, depth + 1)) out.set(k, v);
    } else out.set(path.join(' · '), valueLabel(values[key], value));
  }
  return out;
};

/** What changed between two snapshots, field by field (for a creation or deletion: every field). */
export const changesOf = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  values: Values = VALUE_LABELS,
): Change[] => {
  const b = flatten(before, values);
  const a = flatten(after, values);
  const changes: Change[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    if (field === FIELD_LABELS.id) continue;
    if (canonicalJson(b.get(field)) === canonicalJson(a.get(field))) continue;
    changes.push({ field, before: before ? text(b.get(field)) : '', after: after ? text(a.get(field)) : '' });
  }
  return changes;
};

/** The changes as lines of text (the Excel export). */
export const changesText = (changes: Change[]) =>
  changes
    .map((c) => (c.before && c.after ? `${c.field}：${c.before} → ${c.after}` : `${c.field}：${c.after || c.before}`))
    .join('\n');
