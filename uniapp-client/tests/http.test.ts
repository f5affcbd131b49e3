import { describe, expect, it } from 'vitest';
import { invoke, withBase } from '@/http/interceptor';
import { get, post } from '@/http/request';
import { ApiError } from '@/http/errors';
import { useSessionStore } from '@/stores/session';
import { failOnce, replyOnce } from './reply';

describe('the request interceptor', () => {
  it('adds the API origin to relative paths and leaves absolute URLs alone', () => {
    expect(withBase('/api/workflow/orders')).toBe('/api/workflow/orders');
    expect(withBase('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
  });

  it('adds the signed-in person\u2019s token, and none when nobody is signed in', () => {
    const anonymous = { url: '/api/workflow/processes', header: {} as Record<string, string> };
    invoke(anonymous);
    expect(anonymous.header.Authorization).toBeUndefined();

    useSessionStore().signIn('applicant', 'jwt-123', { id: 1, name: '刘经理' });
    const signedIn = { url: '/api/workflow/processes', header: {} as Record<string, string> };
    invoke(signedIn);
    expect(signedIn.header.Authorization).toBe('Bearer jwt-123');
  });
});

describe('replies', () => {
  it('a 2xx reply gives the body', async () => {
    replyOnce(200, { data: [{ key: 'water-enterprise' }] });
    await expect(get('/api/workflow/processes')).resolves.toEqual({ data: [{ key: 'water-enterprise' }] });
  });

  it('a 400 becomes an ApiError with the problems by field and a Chinese toast', async () => {
    replyOnce(400, {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '表单填写有误',
        details: { errors: [{ path: ['formData', 'creditCode'], message: '统一社会信用代码校验位不正确' }] },
      },
    });
    const error = (await post('/api/workflow/orders', {}).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ creditCode: '统一社会信用代码校验位不正确' });
    expect((uni.showToast as any).mock.calls[0][0].title).toBe('表单填写有误：统一社会信用代码校验位不正确');
  });

  it('a 409 tells the person to refresh, in Chinese', async () => {
    replyOnce(409, {
      error: { status: 409, name: 'ConflictError', message: 'Stale version', details: { currentVersion: 4 } },
    });
    const error = (await post('/workflow/orders/BZ1/actions/approve', {}).catch((e) => e)) as ApiError;
    expect(error.message).toBe('工单已被他人处理，请刷新后再操作');
  });

  it('a 401 while signed in signs the person out and sends them to their own sign-in page', async () => {
    const session = useSessionStore();
    session.signIn('staff', 'admin-jwt', { id: 9, name: '王勘察' });
    replyOnce(401, { error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } });
    await expect(get('/workflow/orders')).rejects.toMatchObject({ status: 401 });
    expect(session.token).toBe('');
    expect(session.audience).toBeNull();
    expect(uni.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/staff' });
  });

  it('a 401 on a sign-in call is a wrong password, not an expired session', async () => {
    const session = useSessionStore();
    session.signIn('applicant', 'old', { id: 1, name: 'x' });
    replyOnce(401, { error: { status: 401, message: 'Invalid' } });
    await expect(post('/api/account/login', {}, { silent: true })).rejects.toMatchObject({ status: 401 });
    expect(session.token).toBe('old');
    expect(uni.reLaunch).not.toHaveBeenCalled();
  });

  it('no network gives status 0 and says so', async () => {
    failOnce();
    const error = (await get('/api/workflow/orders').catch((e) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect((uni.showToast as any).mock.calls[0][0].title).toBe('网络不可用，请检查网络后重试');
  });
});
