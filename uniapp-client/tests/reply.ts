import { vi } from 'vitest';

/** Makes the mocked uni.request answer once with a status and body, as the server would. */
export const replyOnce = (statusCode: number, data: unknown) =>
  (uni.request as any).mockImplementationOnce((opts: any) => {
    queueMicrotask(() => opts.success({ statusCode, data, header: {} }));
    return { abort: vi.fn() };
  });

/** Makes the mocked uni.request fail at the transport level (no network). */
export const failOnce = () =>
  (uni.request as any).mockImplementationOnce((opts: any) => {
    queueMicrotask(() => opts.fail({ errMsg: 'request:fail' }));
    return { abort: vi.fn() };
  });

/** The options of the n-th uni.request call. */
export const requested = (n = 0) => (uni.request as any).mock.calls[n][0];
