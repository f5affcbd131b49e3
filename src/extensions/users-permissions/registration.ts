import { validateForm, type FormSchema, type FieldError } from '../../validation';

/** Checked by users-permissions itself. */
const ACCOUNT_FIELDS = ['username', 'email', 'password'];

/** The applicant fields a registration may carry; config/plugins.ts lists the same names as allowedFields. */
export const applicantForm: FormSchema = {
  fields: [
    { name: 'mobile', label: '手机号码', type: 'mobile', required: true },
    { name: 'realName', label: '姓名', type: 'text', maxLength: 50 },
    { name: 'applicantType', label: '申请人类型', type: 'select', options: ['enterprise', 'resident'], required: true },
    { name: 'enterpriseName', label: '单位名称', type: 'text', maxLength: 200 },
    { name: 'creditCode', label: '统一社会信用代码', type: 'credit-code' },
  ],
};

/**
 * Every problem of a registration body at once: fields that may not be set at registration
 * (role, confirmed, blocked, organization, anything unknown) and format errors of the applicant fields.
 */
export const validateRegistration = (
  body: Record<string, unknown>,
): { value: Record<string, unknown>; problems: FieldError[] } => {
  const own = Object.fromEntries(Object.entries(body).filter(([k]) => !ACCOUNT_FIELDS.includes(k)));
  const { value, errors: problems } = validateForm(applicantForm, own);
  for (const problem of problems) {
    if (problem.message === '不是此表单的字段') problem.message = '注册时不允许设置此字段';
  }
  if (body.applicantType === 'enterprise') {
    for (const [name, label] of [
      ['enterpriseName', '单位名称'],
      ['creditCode', '统一社会信用代码'],
    ]) {
      if (!body[name]) problems.push({ path: [name], message: `企业申请人须填写${label}`, name: 'ValidationError' });
    }
  }
  return { value, problems };
};
