import { creditCodeProblem } from './credit-code';
import { idNumberProblem } from './id-number';
import { mobileProblem, normalizeMobile } from './mobile';
import { areaProblem } from './area';

export type FieldType = 'text' | 'textarea' | 'mobile' | 'credit-code' | 'id-number' | 'area' | 'select' | 'number';

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  maxLength?: number;
  options?: string[];
}

export interface FormSchema {
  fields: FormField[];
}

/** One problem with one field; `path` follows Strapi's ValidationError details. */
export interface FieldError {
  path: string[];
  message: string;
  name: 'ValidationError';
}

const DEFAULT_MAX_LENGTH = 200;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const typeProblem = (field: FormField, value: unknown): string | null => {
  if (field.type === 'area') return areaProblem(value);
  if (field.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : '应为数字';
  if (typeof value !== 'string') return '应为文本';
  const max = field.maxLength ?? (field.type === 'textarea' ? 2000 : DEFAULT_MAX_LENGTH);
  if (value.length > max) return `不能超过${max}个字符`;
  switch (field.type) {
    case 'mobile':
      return mobileProblem(value);
    case 'credit-code':
      return creditCodeProblem(value);
    case 'id-number':
      return idNumberProblem(value);
    case 'select':
      return field.options?.includes(value) ? null : `应为以下之一：${(field.options ?? []).join('、')}`;
    default:
      return null;
  }
};

const normalize = (field: FormField, value: unknown): unknown => {
  if (typeof value !== 'string') return field.type === 'area' && value !== undefined ? Number(value) : value;
  const trimmed = value.trim();
  if (field.type === 'mobile') return normalizeMobile(trimmed) ?? trimmed;
  if (field.type === 'credit-code' || field.type === 'id-number') return trimmed.toUpperCase();
  if (field.type === 'area') return Number(trimmed);
  return trimmed;
};

/**
 * Checks submitted form data against a form schema. Every problem is reported at once, each naming
 * the field and the reason in Chinese; unknown fields are refused so that nothing unchecked is stored.
 */
export const validateForm = (
  schema: FormSchema,
  data: unknown,
  prefix: string[] = []
): { value: Record<string, unknown>; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = {};
  const err = (name: string, message: string) => errors.push({ path: [...prefix, name], message, name: 'ValidationError' });

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    errors.push({ path: prefix, message: '表单数据应为对象', name: 'ValidationError' });
    return { value, errors };
  }
  const input = data as Record<string, unknown>;
  const known = new Set(schema.fields.map((f) => f.name));
  for (const key of Object.keys(input)) if (!known.has(key)) err(key, '不是此表单的字段');

  for (const field of schema.fields) {
    const raw = input[field.name];
    if (isBlank(raw)) {
      if (field.required) err(field.name, `${field.label}为必填项`);
      continue;
    }
    const problem = typeProblem(field, raw);
    if (problem) err(field.name, `${field.label}${problem}`);
    else value[field.name] = normalize(field, raw);
  }
  return { value, errors };
};
