import { creditCodeProblem } from './credit-code';
import { idNumberProblem } from './id-number';
import { mobileProblem, normalizeMobile } from './mobile';
import { areaProblem } from './area';
import type { FieldError, FieldType, FormField, FormSchema } from '../plugins/workflow/server/src/engine/form';

export type { FieldError, FieldType, FormField, FormSchema };

const DEFAULT_MAX_LENGTH = 200;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A handwritten signature or photo sent inline: a PNG/JPEG data URL of at most 1 MiB. */
const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;
const MAX_IMAGE_CHARS = Math.ceil((1024 * 1024 * 4) / 3) + 32;

const rangeProblem = (field: FormField, n: number): string | null => {
  if (field.min !== undefined && n < field.min) return `不能小于${field.min}`;
  if (field.max !== undefined && n > field.max) return `不能大于${field.max}`;
  return null;
};

const typeProblem = (field: FormField, value: unknown): string | null => {
  if (field.type === 'area') return areaProblem(value);
  if (field.type === 'number' || field.type === 'integer' || field.type === 'staff') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) return '应为数字';
    if (field.type !== 'number' && !Number.isInteger(n)) return '应为整数';
    if (field.type === 'staff' && n <= 0) return '应为有效的员工编号';
    return rangeProblem(field, n);
  }
  if (field.type === 'image') {
    if (typeof value !== 'string' || !IMAGE_DATA_URL.test(value)) return '应为PNG或JPEG图片（data URL）';
    return value.length > MAX_IMAGE_CHARS ? '图片不能超过1MB' : null;
  }
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

const NUMERIC: FieldType[] = ['area', 'number', 'integer', 'staff'];

const normalize = (field: FormField, value: unknown): unknown => {
  if (NUMERIC.includes(field.type)) return Number(value);
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (field.type === 'mobile') return normalizeMobile(trimmed) ?? trimmed;
  if (field.type === 'credit-code' || field.type === 'id-number') return trimmed.toUpperCase();
  return field.type === 'image' ? value : trimmed;
};

/**
 * Checks submitted form data against a form schema. Every problem is reported at once, each naming
 * the field and the reason in Chinese; unknown fields are refused so that nothing unchecked is stored.
 */
export const validateForm = (
  schema: FormSchema,
  data: unknown,
  prefix: string[] = [],
): { value: Record<string, unknown>; errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = {};
  const err = (name: string, message: string) =>
    errors.push({ path: [...prefix, name], message, name: 'ValidationError' });

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
