import { describe, expect, it } from 'vitest';
import { JOB_ROLES } from '../api/staff-profile/job-roles';
import orderFileSchema from '../api/order-file/content-types/order-file/schema.json';
import type { ProcessSpec } from '../plugins/workflow/server/src/engine/spec';
import { validateSpec, type ValidationEnv } from '../plugins/workflow/server/src/engine/validate';
import energyService from './definitions/energy-service.json';
import waterEnterprise from './definitions/water-enterprise.json';
import waterResident from './definitions/water-resident.json';
import { effects } from './effects';
import { guards } from './guards';

const problem = (path: string, message: string) => ({ path: path.split('.'), message });

describe('the shipped definitions', () => {
  /** The environment the app registers (src/workflows/register.ts) and the order file's attachment kinds. */
  const appEnv: ValidationEnv = {
    roles: Object.keys(JOB_ROLES),
    hasGuard: (name) => name in guards,
    hasEffect: (name) => name in effects,
    artifactKinds: orderFileSchema.attributes.kind.enum,
  };

  it.each([
    ['water-resident', waterResident],
    ['water-enterprise', waterEnterprise],
    ['energy-service', energyService],
  ])('accepts the shipped definition %s', (key, definition) => {
    expect((definition as unknown as ProcessSpec).key).toBe(key);
    expect(validateSpec(definition as unknown as ProcessSpec, appEnv)).toEqual([]);
  });

  it('refuses a shipped definition once the app no longer registers what it names', () => {
    const problems = validateSpec(waterResident as unknown as ProcessSpec, {
      ...appEnv,
      hasGuard: () => false,
      hasEffect: () => false,
    });
    expect(problems).toContainEqual(
      problem('machine.states.submitted.always.0.guard', '未注册的条件：enteredAtWindow'),
    );
    expect(problems).toContainEqual(
      problem('machine.states.payment.on.record-paid.actions.0', '未注册的动作：recordPayment'),
    );
  });
});
