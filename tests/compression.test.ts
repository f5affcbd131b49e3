import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { app, call, useWorld, w } from './helpers/workflow';

/**
 * Answers of 1 KB and more go compressed (brotli or gzip, as the browser asks): the admin panel's
 * assets, the H5 page's, JSON. The H5 index is never cached, its hashed assets for a year.
 * bench/pages.js measures what a clerk's and an applicant's first visit transfer.
 */
useWorld({ listen: true });

/** A GET as a browser asking for `encoding` sends it; the body as text (supertest decodes it). */
const raw = (url: string, encoding: string) => app.http().get(url).set('Accept-Encoding', encoding).buffer(true);

describe('compressed answers', () => {
  it('compress JSON over 1 KB with brotli or gzip, and leave small answers as they are', async () => {
    const big = await call(app, w.admin, 'get', '/definitions').set('Accept-Encoding', 'br');
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const gzip = await call(app, w.admin, 'get', '/definitions').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.data.length).toBeGreaterThan(0);
    const small = await call(app, w.admin, 'get', '/messages/unread').set('Accept-Encoding', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compress the H5 page\u2019s assets, cache the hashed ones for a year and never the index', async () => {
    const index = await raw('/app/', 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
    const assets = path.resolve(__dirname, '../uniapp-client/dist/build/h5/assets');
    const script = fs.readdirSync(assets).find((f) => f.endsWith('.js'));
    const asset = await raw(`/app/assets/${script}`, 'br');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compress the admin panel\u2019s bundles', async () => {
    const html = (await raw('/admin', 'identity')).text;
    const entry = /src="\/admin\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const bundle = await raw(`/admin/${entry}`, 'br');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-encoding']).toBe('br');
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
