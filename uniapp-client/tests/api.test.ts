import { describe, expect, it, vi } from 'vitest';
import { createOrder, listOrders, performAction, uploadOrderFile, urgeOrder } from '@/api/orders';
import { assigneeChoices, listTasks, staffLogin } from '@/api/staff';
import { loginWithMobile, register } from '@/api/account';
import { replyOnce, requested } from './reply';

describe('applicant endpoints', () => {
  it('apply sends the process, channel and form with the submission\u2019s idempotency key', async () => {
    replyOnce(201, { data: { number: 'BZ2026112101' } });
    const res = await createOrder(
      { processKey: 'water-resident', channel: 'official-account', formData: { name: '张三' } },
      'key-1',
    );
    expect(res.data.number).toBe('BZ2026112101');
    const opts = requested();
    expect(opts).toMatchObject({
      url: '/api/workflow/orders',
      method: 'POST',
      data: { processKey: 'water-resident', channel: 'official-account', formData: { name: '张三' } },
    });
    expect(opts.header['Idempotency-Key']).toBe('key-1');
  });

  it('my orders leaves out empty filters', async () => {
    replyOnce(200, { data: [], meta: { pagination: { page: 1, pageSize: 20, total: 0, pageCount: 0 } } });
    await listOrders({ page: 1, pageSize: 20, status: 'all', q: '', process: undefined });
    expect(requested()).toMatchObject({
      url: '/api/workflow/orders',
      method: 'GET',
      data: { page: 1, pageSize: 20, status: 'all' },
    });
    expect(Object.keys(requested().data)).toEqual(['page', 'pageSize', 'status']);
  });

  it('an action carries the version the person saw and the form', async () => {
    replyOnce(200, { data: { number: 'BZ1', version: 8 } });
    await performAction('BZ1', 'confirm', 7, { signature: 'data:image/png;base64,AAAA' });
    expect(requested()).toMatchObject({
      url: '/api/workflow/orders/BZ1/actions/confirm',
      method: 'POST',
      data: { version: 7, form: { signature: 'data:image/png;base64,AAAA' } },
    });
  });

  it('urge posts to the order\u2019s urge route', async () => {
    replyOnce(200, { data: {} });
    await urgeOrder('BZ9');
    expect(requested()).toMatchObject({ url: '/api/workflow/orders/BZ9/urge', method: 'POST' });
  });

  it('sign-in and registration do not toast themselves (the pages show the problem by field)', async () => {
    replyOnce(400, { error: { status: 400, message: '手机号或密码不正确' } });
    await expect(loginWithMobile('13912345678', 'bad')).rejects.toMatchObject({ status: 400 });
    replyOnce(400, {
      error: {
        status: 400,
        message: '注册信息有误',
        details: { errors: [{ path: ['mobile'], message: '该手机号已注册' }] },
      },
    });
    await expect(
      register({
        username: 'a',
        email: 'a@b.cn',
        password: 'Secret@123',
        mobile: '13912345678',
        applicantType: 'resident',
      }),
    ).rejects.toMatchObject({
      fields: { mobile: '该手机号已注册' },
    });
    expect(uni.showToast).not.toHaveBeenCalled();
    expect(requested(0).url).toBe('/api/account/login');
    expect(requested(1).url).toBe('/api/auth/local/register');
  });

  it('an upload sends the kind and name, reports progress and parses the JSON reply', async () => {
    const progress = vi.fn();
    (uni.uploadFile as any).mockImplementationOnce((opts: any) => {
      const listeners: Array<(p: { progress: number }) => void> = [];
      queueMicrotask(() => {
        listeners.forEach((l) => l({ progress: 50 }));
        opts.success({ statusCode: 201, data: JSON.stringify({ data: { id: 31 } }) });
      });
      return { onProgressUpdate: (l: any) => listeners.push(l) };
    });
    const res = await uploadOrderFile('BZ1', 'site-photo', '现场照片', 'blob:abc', progress);
    expect(res).toEqual({ id: 31 });
    expect((uni.uploadFile as any).mock.calls[0][0]).toMatchObject({
      url: '/api/workflow/orders/BZ1/files',
      filePath: 'blob:abc',
      name: 'file',
      formData: { kind: 'site-photo', name: '现场照片' },
    });
    expect(progress).toHaveBeenCalledWith(50);
  });

  it('a refused upload rejects with the server\u2019s reason', async () => {
    (uni.uploadFile as any).mockImplementationOnce((opts: any) => {
      queueMicrotask(() =>
        opts.success({
          statusCode: 400,
          data: JSON.stringify({
            error: {
              status: 400,
              message: '附件格式不符',
              details: { errors: [{ path: ['file'], message: '文件内容不是允许的类型' }] },
            },
          }),
        }),
      );
      return { onProgressUpdate: vi.fn() };
    });
    await expect(uploadOrderFile('BZ1', 'site-photo', 'x', 'blob:x')).rejects.toMatchObject({
      status: 400,
      message: '附件格式不符',
      fields: { file: '文件内容不是允许的类型' },
    });
  });
});

describe('staff endpoints', () => {
  it('staff sign in with their admin account', async () => {
    replyOnce(200, { data: { token: 't', user: { id: 3, email: 'surveyor@demo.local' } } });
    await staffLogin('surveyor@demo.local', 'Demo@2026');
    expect(requested()).toMatchObject({
      url: '/admin/login',
      method: 'POST',
      data: { email: 'surveyor@demo.local', password: 'Demo@2026' },
    });
  });

  it('tasks and assignee choices use the admin API', async () => {
    replyOnce(200, { data: [], meta: { pagination: { page: 1, pageSize: 20, total: 0, pageCount: 0 } } });
    replyOnce(200, { data: [{ id: 2, name: '王勘察' }] });
    await listTasks({ mine: true, page: 1 });
    const choices = await assigneeChoices('BZ1', 'surveyor');
    expect(requested(0)).toMatchObject({ url: '/workflow/orders', data: { mine: true, page: 1 } });
    expect(requested(1)).toMatchObject({ url: '/workflow/orders/BZ1/assignees', data: { role: 'surveyor' } });
    expect(choices.data[0].name).toBe('王勘察');
  });
});
