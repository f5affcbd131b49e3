import { describe, expect, it } from 'vitest';
import {
  actionType,
  activeLeaves,
  asTransitions,
  candidateEvents,
  hiddenFromApplicant,
  indexNodes,
  primaryStep,
  rolesFor,
  startableBy,
  stepMeta,
  storedValue,
  storeValue,
  type ProcessSpec,
} from './spec';

/** A process with a parallel step: construction runs the works and, beside it, the paperwork. */
const spec = (): ProcessSpec => ({
  key: 'test-process',
  name: '测试流程',
  applicantType: 'enterprise',
  form: { fields: [] },
  entry: { titleField: 'name', phoneField: 'phone', category: { fixed: '测试' }, organization: null },
  applicantFilesFrom: { contract: 'signing', 'as-built-drawing': 'done' },
  machine: {
    id: 'test-process',
    initial: 'review',
    states: {
      review: {
        meta: { label: '审核', roles: ['window-clerk'] },
        on: {
          approve: { target: 'construction', meta: { label: '通过' } },
          reject: { target: 'done', meta: { label: '不通过', roles: ['department-admin'] } },
        },
      },
      construction: {
        type: 'parallel',
        on: { terminate: { target: 'done', meta: { label: '终止' } } },
        states: {
          works: {
            initial: 'building',
            meta: { label: '施工', roles: ['construction-crew'] },
            states: {
              building: {
                on: {
                  finish: { target: 'signing', meta: { label: '完工' } },
                  terminate: { target: 'review', meta: { label: '退回' } },
                },
              },
              signing: { meta: { label: '签约', roles: ['contract-approver'] }, on: { sign: 'done' } },
            },
          },
          paperwork: {
            initial: 'filing',
            states: {
              filing: {
                meta: { label: '归档', roles: ['window-clerk'], secondary: true },
                on: { file: { target: 'done', meta: { label: '归档完成' } } },
              },
            },
          },
        },
      },
      done: { type: 'final', meta: { label: '完成' } },
    },
  },
});

describe('startableBy', () => {
  it('is the applicant type alone when applicantTypes is absent', () => {
    expect(startableBy(spec())).toEqual(['enterprise']);
  });

  it('is applicantTypes when present', () => {
    expect(startableBy({ ...spec(), applicantTypes: ['resident', 'enterprise'] })).toEqual(['resident', 'enterprise']);
  });
});

describe('hiddenFromApplicant', () => {
  it('hides the kinds whose step has not been reached', () => {
    expect(hiddenFromApplicant(spec(), new Set(['review']))).toEqual(['contract', 'as-built-drawing']);
    expect(hiddenFromApplicant(spec(), new Set(['review', 'signing']))).toEqual(['as-built-drawing']);
    expect(hiddenFromApplicant(spec(), new Set(['signing', 'done']))).toEqual([]);
  });

  it('hides nothing when the definition says nothing', () => {
    expect(hiddenFromApplicant({ ...spec(), applicantFilesFrom: undefined }, new Set())).toEqual([]);
  });
});

describe('asTransitions and actionType', () => {
  it('turns every way of writing a transition into a list of objects', () => {
    expect(asTransitions(undefined)).toEqual([]);
    expect(asTransitions('done')).toEqual([{ target: 'done' }]);
    expect(asTransitions({ target: 'a', guard: 'g' })).toEqual([{ target: 'a', guard: 'g' }]);
    expect(asTransitions([{ target: 'a' }, { target: 'b', guard: 'g' }])).toEqual([
      { target: 'a' },
      { target: 'b', guard: 'g' },
    ]);
  });

  it('names an action written as a string or as an object', () => {
    expect(actionType('recordPayment')).toBe('recordPayment');
    expect(actionType({ type: 'flag', params: { name: 'x' } })).toBe('flag');
  });
});

describe('indexNodes', () => {
  it('indexes every state at every depth, with its path and parent', () => {
    const nodes = indexNodes(spec());
    expect([...nodes.keys()]).toEqual([
      'review',
      'construction',
      'works',
      'building',
      'signing',
      'paperwork',
      'filing',
      'done',
    ]);
    const signing = nodes.get('signing')!;
    expect(signing.path).toEqual(['construction', 'works', 'signing']);
    expect(signing.parent?.key).toBe('works');
    expect(signing.parent?.parent?.key).toBe('construction');
    expect(signing.parent?.parent?.parent).toBeNull();
    expect(nodes.get('review')!.parent).toBeNull();
    expect(signing.config.meta?.label).toBe('签约');
  });
});

describe('activeLeaves', () => {
  it('is the state itself for a simple value', () => {
    expect(activeLeaves('review')).toEqual(['review']);
  });

  it('lists the leaves of nested and parallel values in document order', () => {
    expect(activeLeaves({ construction: { works: 'building', paperwork: 'filing' } })).toEqual(['building', 'filing']);
  });

  it('treats an empty object as a leaf', () => {
    expect(activeLeaves({ construction: { works: {}, paperwork: 'filing' } })).toEqual(['works', 'filing']);
  });
});

describe('primaryStep', () => {
  const nodes = indexNodes(spec());

  it('is the first active leaf that is not a secondary branch', () => {
    expect(primaryStep(nodes, { construction: { paperwork: 'filing', works: 'building' } })).toBe('building');
    expect(primaryStep(nodes, 'review')).toBe('review');
  });

  it('is the first leaf when all are secondary', () => {
    expect(primaryStep(nodes, { construction: { paperwork: 'filing' } })).toBe('filing');
  });
});

describe('stepMeta', () => {
  const nodes = indexNodes(spec());

  it("is the step's own meta", () => {
    expect(stepMeta(nodes, 'signing')?.label).toBe('签约');
  });

  it('is inherited from the nearest ancestor that has one', () => {
    expect(stepMeta(nodes, 'building')?.label).toBe('施工');
  });

  it('is undefined when no ancestor has one, or for an unknown step', () => {
    expect(stepMeta(nodes, 'paperwork')).toBeUndefined();
    expect(stepMeta(nodes, 'nowhere')).toBeUndefined();
  });
});

describe('candidateEvents', () => {
  const nodes = indexNodes(spec());
  const value = { construction: { works: 'building', paperwork: 'filing' } };

  it('lists the events of every active leaf and its ancestors, once each', () => {
    const events = candidateEvents(nodes, value);
    expect(events.map((c) => [c.event, c.owner.key])).toEqual([
      ['finish', 'building'],
      ['terminate', 'building'],
      ['file', 'filing'],
    ]);
  });

  it('lets the deepest node win an event its ancestors also handle', () => {
    const terminate = candidateEvents(nodes, value).find((c) => c.event === 'terminate')!;
    expect(terminate.owner.key).toBe('building');
    expect(terminate.transitions).toEqual([{ target: 'review', meta: { label: '退回' } }]);
  });

  it("offers an ancestor's events when the leaf does not handle them", () => {
    const events = candidateEvents(nodes, { construction: { works: 'signing', paperwork: 'filing' } });
    expect(events.map((c) => [c.event, c.owner.key])).toEqual([
      ['sign', 'signing'],
      ['terminate', 'construction'],
      ['file', 'filing'],
    ]);
    expect(events[0].transitions).toEqual([{ target: 'done' }]);
  });
});

describe('rolesFor', () => {
  const nodes = indexNodes(spec());
  const candidate = (value: string, event: string) => candidateEvents(nodes, value).find((c) => c.event === event)!;

  it("is the transition's roles when it names them", () => {
    const c = candidate('review', 'reject');
    expect(rolesFor(nodes, c, c.transitions[0])).toEqual(['department-admin']);
  });

  it("is the owner step's roles otherwise", () => {
    const c = candidate('review', 'approve');
    expect(rolesFor(nodes, c, c.transitions[0])).toEqual(['window-clerk']);
  });

  it("is inherited from the owner's ancestors, and empty when none has any", () => {
    const building = candidate('building', 'finish');
    expect(rolesFor(nodes, building, building.transitions[0])).toEqual(['construction-crew']);
    const terminate = candidateEvents(nodes, { construction: { works: 'signing' } }).find(
      (c) => c.event === 'terminate',
    )!;
    expect(rolesFor(nodes, terminate, terminate.transitions[0])).toEqual([]);
  });
});

describe('storeValue and storedValue', () => {
  it('wraps a state value for the JSON column and unwraps it', () => {
    expect(storeValue('review')).toEqual({ value: 'review' });
    const nested = { construction: { works: 'building', paperwork: 'filing' } };
    expect(storedValue(storeValue(nested))).toEqual(nested);
    expect(storedValue(JSON.parse(JSON.stringify(storeValue('review'))))).toBe('review');
  });
});
