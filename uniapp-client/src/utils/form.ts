import { validateForm, type FormSchema } from '@shared/validation';
import type { FormField } from '@/api/types';

/**
 * Checks a form before it is sent, with the server's own validators: the same fields, the same
 * reasons. Answers the cleaned values and the problems by field name.
 */
export const checkForm = (schema: { fields: FormField[] }, data: Record<string, unknown>) => {
  // Empty optional fields are left out rather than sent as blanks.
  const present = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== '' && v !== undefined && v !== null));
  const { value, errors } = validateForm(schema as FormSchema, present);
  // Passwords are sent exactly as typed: spaces may be part of one.
  for (const f of schema.fields)
    if (f.type === 'password' && typeof present[f.name] === 'string') value[f.name] = present[f.name];
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const key = e.path[e.path.length - 1];
    if (key && !fields[key]) fields[key] = e.message;
  }
  return { value, fields, ok: errors.length === 0 };
};
