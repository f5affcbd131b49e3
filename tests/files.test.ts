import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, upload, useWorld, w, type Caller } from './helpers/workflow';
import { errorPaths } from './helpers/applicants';

useWorld();

const newOrder = () => apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
// Rows in this file's own database (the uploads folder is shared by parallel test files).
const counts = async () => ({
  uploads: await app.strapi.db.query('plugin::upload.file').count(),
  orderFiles: await app.strapi.db.query('api::order-file.order-file').count(),
});
const send = (who: Caller, number: string, kind: string, content: Buffer, filename: string, contentType: string) =>
  call(app, who, 'post', `/orders/${number}/files`)
    .field('kind', kind)
    .field('name', filename)
    .attach('file', content, { filename, contentType });

describe('uploads are judged by their content', () => {
  const PNG = fs.readFileSync(path.resolve(__dirname, '../favicon.png'));
  it.each([
    ['a shell script renamed .jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg', 'image/jpeg'],
    [
      'an SVG with a script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'photo.svg',
      'image/svg+xml',
    ],
    [
      'an HTML page',
      Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
      'photo.html',
      'text/html',
    ],
    [
      'a Windows executable named .png',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
      'photo.png',
      'image/png',
    ],
    ['an oversized photo', Buffer.concat([PNG, Buffer.alloc(16 * 1024 * 1024)]), 'big.png', 'image/png'],
  ])('refuses %s with 400 and stores nothing', async (_name, content, filename, type) => {
    const n = await newOrder();
    const before = await counts();
    const res = await send(w.applicants.zhujiang, n, 'site-photo', content, filename, type);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['file']);
    expect(await counts()).toEqual(before);
  });

  it('stores an accepted file under a random name, never the user\u2019s file name', async () => {
    const n = await newOrder();
    const res = await send(w.applicants.zhujiang, n, 'other', PNG, '../../etc/营业执照.png', 'image/png');
    expect(res.status).toBe(201);
    const row = await app.strapi.db
      .query('api::order-file.order-file')
      .findOne({ where: { id: res.body.data.id }, populate: ['file'] });
    expect(row.name).toBe('../../etc/营业执照.png');
    expect(row.file.url).toMatch(/^\/uploads\/[0-9a-f_]{36}(_[0-9a-f]+)?\.png$/);
    expect(row.file.name).not.toContain('营业执照');
  });
});

describe('files are private', () => {
  it('the public URL answers 404; the owner, staff in scope and nobody else can download', async () => {
    const n = await newOrder();
    const uploaded = await upload(app, w.applicants.zhujiang, n, 'other', '.pdf', '营业执照副本.pdf');
    const row = await app.strapi.db
      .query('api::order-file.order-file')
      .findOne({ where: { id: uploaded.id }, populate: ['file'] });
    expect((await app.http().get(row.file.url)).status).toBe(404);

    const own = await call(app, w.applicants.zhujiang, 'get', `/orders/${n}/files/${uploaded.id}`).buffer(true);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain(encodeURIComponent('营业执照副本.pdf'));
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.body.toString()).toContain('%PDF');

    expect((await call(app, w.staff.clerk, 'get', `/orders/${n}/files/${uploaded.id}`)).status).toBe(200);
    expect((await call(app, w.applicants.zhangsan, 'get', `/orders/${n}/files/${uploaded.id}`)).status).toBe(404);
    expect((await call(app, w.staff['power-admin'], 'get', `/orders/${n}/files/${uploaded.id}`)).status).toBe(404);
  });

  it('a file id of another order, or a guessed one, is 404 (IDOR)', async () => {
    const mine = await newOrder();
    const theirs = await apply(app, w.applicants.zhangsan, 'water-resident', {
      name: '张三',
      contactPhone: '13612345678',
      address: '回风路8号',
      waterAddress: '回风路8号3单元',
    });
    const file = await upload(app, w.applicants.zhangsan, theirs, 'other', '.pdf');
    // Through my own order number, their file id.
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/${mine}/files/${file.id}`)).status).toBe(404);
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/${mine}/files/999999`)).status).toBe(404);
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/${mine}/files/abc`)).status).toBe(404);
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/BZ2099010101/files/${file.id}`)).status).toBe(404);
  });
});
