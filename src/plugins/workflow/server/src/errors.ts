import createError from 'http-errors';
import { errors } from '@strapi/utils';

export interface FieldProblem {
  path: string[];
  message: string;
}

/** 400: every bad field with its reason. */
export const badRequest = (message: string, problems: FieldProblem[]) =>
  new errors.ValidationError(message, { errors: problems.map((p) => ({ ...p, name: 'ValidationError' })) });

// Strapi's authorize middleware replaces a ForbiddenError's message with "Forbidden"; a PolicyError
// (a ForbiddenError too, 403) keeps the reason.
export const forbidden = (message: string) => new errors.PolicyError(message);

/** 404 for what does not exist and for what the caller may not see alike. */
export const notFound = (message = '工单不存在') => new errors.NotFoundError(message);

/** 409: the order moved since the caller read it. */
export const conflict = (currentVersion: number) =>
  createError(409, '工单已被他人处理，请刷新后重试', { details: { currentVersion } });

/** 409: a repeated request whose first is still being written. */
export const inFlight = () => createError(409, '相同的申请正在提交中，请稍后刷新查看', { details: {} });

/** 422: the step's conditions are not met; details say which. */
export const unprocessable = (message: string, details: Record<string, unknown>) =>
  createError(422, message, { details });

export const tooMany = (message: string) => new errors.RateLimitError(message);

/** A write refused by a unique key (MySQL's duplicate entry, SQLite's unique constraint): someone wrote it first. */
export const isUniqueViolation = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  error?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
  error?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
