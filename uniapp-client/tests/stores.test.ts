import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useSessionStore } from '@/stores/session';
import { useDraftsStore } from '@/stores/drafts';
import { freshApp, storage } from './setup';

describe('the session store', () => {
  it('is kept in uni storage and comes back after a restart', async () => {
    useSessionStore().signIn('applicant', 'jwt-abc', {
      id: 5,
      name: '张三',
      mobile: '13612345678',
      applicantType: 'resident',
    });
    await nextTick();
    expect(JSON.parse(storage.get('session') as string)).toMatchObject({ audience: 'applicant', token: 'jwt-abc' });

    freshApp();
    const restored = useSessionStore();
    expect(restored.token).toBe('jwt-abc');
    expect(restored.user?.name).toBe('张三');
    expect(restored.signedIn).toBe(true);
  });

  it('an applicant without a mobile number must bind one; signing out forgets everything', async () => {
    const session = useSessionStore();
    session.signIn('applicant', 'jwt', { id: 1, name: '微信用户', mobile: null });
    expect(session.needsMobile).toBe(true);
    session.updateUser({ mobile: '13912345678' });
    expect(session.needsMobile).toBe(false);
    session.signOut();
    await nextTick();
    expect(session.signedIn).toBe(false);
    expect(JSON.parse(storage.get('session') as string).token).toBe('');
  });
});

describe('the drafts store', () => {
  it('keeps a draft and its idempotency key across leaving the page and restarting', async () => {
    const drafts = useDraftsStore();
    const key = drafts.open('water-resident').idempotencyKey;
    drafts.save('water-resident', { name: '张三', address: '回风路8号' });
    expect(drafts.open('water-resident').idempotencyKey).toBe(key);
    await nextTick();

    freshApp();
    const again = useDraftsStore().open('water-resident');
    expect(again.formData).toEqual({ name: '张三', address: '回风路8号' });
    expect(again.idempotencyKey).toBe(key);
  });

  it('after the server has the order, the next application starts empty with a new key', () => {
    const drafts = useDraftsStore();
    const first = drafts.open('energy-service').idempotencyKey;
    drafts.save('energy-service', { name: '黄厂长' });
    drafts.submitted('energy-service');
    const next = drafts.open('energy-service');
    expect(next.formData).toEqual({});
    expect(next.idempotencyKey).not.toBe(first);
  });

  it('drafts of different processes are separate', () => {
    const drafts = useDraftsStore();
    drafts.save('water-enterprise', { unitName: '珠江摩尔' });
    drafts.save('water-resident', { name: '张三' });
    expect(drafts.open('water-enterprise').formData).toEqual({ unitName: '珠江摩尔' });
    expect(drafts.open('water-resident').idempotencyKey).not.toBe(drafts.open('water-enterprise').idempotencyKey);
  });
});
