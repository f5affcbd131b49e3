/**
 * A step's form as definitions write it. The engine checks a definition's forms (validate.ts); the app
 * checks submitted data against them (its `validateForm`, given as a domain fact: domain.ts).
 */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'mobile'
  | 'credit-code'
  | 'id-number'
  | 'area'
  | 'select'
  | 'number'
  | 'integer'
  | 'staff'
  | 'image';

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  maxLength?: number;
  options?: string[];
  min?: number;
  max?: number;
  /** For `staff` fields: the job role the named staff member must hold (checked by the workflow engine). */
  role?: string;
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
