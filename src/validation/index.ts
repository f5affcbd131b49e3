export { creditCodeProblem, creditCodeCheckChar } from './credit-code';
export { idNumberProblem, idNumberCheckChar } from './id-number';
export { mobileProblem, normalizeMobile } from './mobile';
export { areaProblem } from './area';
export { validateForm } from './form';
export type { FieldError, FormField, FormSchema, FieldType } from './form';
