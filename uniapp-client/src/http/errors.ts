/** A failed call as the pages use it: the server's message, per-field problems and missing files. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    readonly missing: Array<{ kind: string; label: string; min: number; have: number }> = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const FALLBACK: Record<number, string> = {
  0: '网络不可用，请检查网络后重试',
  401: '登录已过期，请重新登录',
  403: '您没有权限进行此操作',
  404: '未找到，或您无权查看',
  409: '工单已被他人处理，请刷新后再操作',
  413: '文件过大',
  422: '当前环节不能进行此操作',
  429: '操作过于频繁，请稍后再试',
};

/** Turns a reply in Strapi's error shape (or a transport failure) into an ApiError in Chinese. */
export const toApiError = (status: number, body: unknown): ApiError => {
  const error = (body as any)?.error ?? {};
  const fields: Record<string, string> = {};
  for (const problem of error.details?.errors ?? []) {
    const key = (problem.path ?? []).slice(-1)[0];
    if (key !== undefined && !fields[key]) fields[key] = problem.message;
  }
  const serverMessage =
    typeof error.message === 'string' && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : undefined;
  // A 409 message from the server is correct but technical; say what to do instead.
  const message =
    status === 409
      ? FALLBACK[409]
      : (serverMessage ?? FALLBACK[status] ?? (status >= 500 ? '服务暂时不可用，请稍后重试' : '请求失败'));
  return new ApiError(message, status, fields, error.details?.missing ?? []);
};

/** The one line a toast shows: the message, and the first field problem when there is one. */
export const toastText = (error: ApiError) => {
  const first = Object.values(error.fields)[0];
  return first && first !== error.message ? `${error.message}：${first}` : error.message;
};
