import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { app, call, enterpriseForm, upload, useWorld, w } from './helpers/workflow';
import { canonicalPath } from '../src/middlewares/canonical-path';

// A real limit on submissions for this file: read when the app boots.
process.env.RATE_LIMIT_SUBMIT = '3';
useWorld({ listen: true });

/** A request whose path goes out byte for byte as written (supertest and fetch normalize dot segments). */
const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(app.url!);
    const req = http.request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('one spelling of every path', () => {
  it.each([
    ['/%75ploads/a.png', '/uploads/a.png'],
    ['/uploads%2fa.png', '/uploads/a.png'],
    ['/uploads%2Fa.png', '/uploads/a.png'],
    ['/x/../uploads/a.png', '/uploads/a.png'],
    ['/./uploads/a.png', '/uploads/a.png'],
    ['//uploads//a.png', '/uploads/a.png'],
    ['/%2e%2e/uploads/a.png', '/uploads/a.png'],
    ['/%2575ploads/a.png', '/uploads/a.png'],
    ['/uploads\\a.png', '/uploads/a.png'],
    ['/api/workflow/orders/%E6%96%87', '/api/workflow/orders/%E6%96%87'],
  ])('%s is %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('keeps a directory slash on reads, drops it on writes, and refuses what does not decode', () => {
    expect(canonicalPath('/app/', 'GET')).toBe('/app/');
    expect(canonicalPath('/api/workflow/orders/', 'POST')).toBe('/api/workflow/orders');
    expect(canonicalPath('/api/workflow/orders//', 'POST')).toBe('/api/workflow/orders');
    expect(canonicalPath('/%E6%96', 'GET')).toBeNull();
    expect(canonicalPath('/uploads/a%00.png', 'GET')).toBeNull();
  });
});

describe('uploaded files are never public', () => {
  it('answers 404 for the stored file under every spelling of its path, and serves it only through the API', async () => {
    // Entered at the window: this file's submissions from one address are limited.
    const entered = await call(app, w.admin, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm(),
    });
    const n = entered.body.data.number;
    const uploaded = await upload(app, w.admin, n, 'other', '.pdf');
    const row = await app.strapi.db
      .query('api::order-file.order-file')
      .findOne({ where: { id: uploaded.id }, populate: ['file'] });
    const name = String(row.file.url).replace('/uploads/', '');
    const spellings = [
      `/uploads/${name}`,
      `/%75ploads/${name}`,
      `/%55ploads/${name}`.replace('%55', '%75'),
      `/uploads%2f${name}`,
      `/uploads%2F${name}`,
      `/x/../uploads/${name}`,
      `/./uploads/${name}`,
      `//uploads/${name}`,
      `/%2e/uploads/${name}`,
      `/app/../uploads/${name}`,
      `/%2575ploads/${name}`,
      `/uploads/./${name}`,
    ];
    for (const path of spellings) {
      const res = await raw('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('%PDF');
    }
    expect((await raw('HEAD', `/%75ploads/${name}`)).status).toBe(404);
    const own = await call(app, w.admin, 'get', `/orders/${n}/files/${uploaded.id}`).buffer(true);
    expect(own.status).toBe(200);
    expect(own.body.toString()).toContain('%PDF');
  });

  it('refuses a path that does not decode with a Chinese 400', async () => {
    const res = await raw('GET', '/%E6%96/uploads');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('请求路径无效');
  });
});

describe('per-IP limits hold however the path is written', () => {
  it('counts /api/workflow/orders, its trailing slash and its other spellings as one route', async () => {
    const jwt = w.applicants.zhangsan.token;
    const headers = { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' };
    const body = JSON.stringify({ processKey: 'nope', formData: {} });
    const statuses: number[] = [];
    for (const path of [
      '/api/workflow/orders',
      '/api/workflow/orders/',
      '/api//workflow/orders',
      '/api/workflow/%6frders',
      '/api/workflow/orders//',
    ]) {
      statuses.push((await raw('POST', path, headers, body)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
