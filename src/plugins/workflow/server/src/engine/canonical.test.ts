import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from './canonical';

describe('canonicalJson', () => {
  it('sorts object keys, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    const one = { key: 'water', machine: { initial: 'a', states: { a: { on: {} }, b: {} } }, version: 1 };
    const two = { version: 1, machine: { states: { b: {}, a: { on: {} } }, initial: 'a' }, key: 'water' };
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('keeps the order of array items: a different order is different content', () => {
    expect(canonicalJson([1, 2])).toBe('[1,2]');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('sorts keys by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, 审: 4 })).toBe('{"B":2,"a":3,"b":1,"审":4}');
  });

  it('drops undefined properties, so an absent and an undefined key are the same content', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('writes null and undefined values as null (top level and inside arrays)', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, null, 1])).toBe('[null,null,1]');
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
  });

  it('writes dates as their ISO string', () => {
    expect(canonicalJson({ at: new Date('2025-03-07T08:00:00.000Z') })).toBe('{"at":"2025-03-07T08:00:00.000Z"}');
  });

  it('writes scalars as JSON does and escapes keys and strings', () => {
    expect(canonicalJson('审核"通过"')).toBe('"审核\\"通过\\""');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it('distinguishes values that differ only in type or nesting', () => {
    const texts = [{ a: 1 }, { a: '1' }, { a: [1] }, { a: { b: 1 } }, { a: true }, { a: null }, {}].map(canonicalJson);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('parses back to the same value', () => {
    const value = { z: [{ y: 1, x: null }], a: '申请', n: -2.25 };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('sha256', () => {
  it('is the hex SHA-256 digest of the text', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a Buffer like the same bytes as text (UTF-8)', () => {
    expect(sha256(Buffer.from('流程定义', 'utf8'))).toBe(sha256('流程定义'));
    expect(sha256('流程定义')).toBe(createHash('sha256').update(Buffer.from('流程定义', 'utf8')).digest('hex'));
  });

  it('with canonicalJson: stable across key order, different for different content', () => {
    const hash = (v: unknown) => sha256(canonicalJson(v));
    expect(hash({ a: 1, b: [1, 2] })).toBe(hash({ b: [1, 2], a: 1 }));
    expect(hash({ a: 1, b: [1, 2] })).not.toBe(hash({ a: 1, b: [2, 1] }));
    expect(hash({ a: 1 })).not.toBe(hash({ a: 2 }));
    expect(hash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
