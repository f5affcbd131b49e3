import { describe, expect, it } from 'vitest';
import type { ProcessSpec } from './spec';
import { validateSpec, type ValidationEnv } from './validate';

/** What a small test app registers. */
const env: ValidationEnv = {
  roles: ['window-clerk', 'surveyor', 'finance'],
  hasGuard: (name) => ['enteredAtWindow', 'paid'].includes(name),
  hasEffect: (name) => ['recordPayment', 'flag'].includes(name),
  artifactKinds: ['site-photo', 'contract'],
};

/** A valid definition every test changes in one place. */
const base = (): any => ({
  key: 'unit-process',
  name: '单元测试流程',
  applicantType: 'resident',
  form: { fields: [{ name: 'name', label: '姓名', type: 'text', required: true }] },
  entry: { titleField: 'name', phoneField: 'phone', category: { fixed: '测试' }, organization: null },
  machine: {
    id: 'unit-process',
    initial: 'submitted',
    states: {
      submitted: { always: [{ guard: 'enteredAtWindow', target: 'survey' }, { target: 'review' }] },
      review: {
        meta: { label: '审核', roles: ['window-clerk'], thresholdHours: 24 },
        on: {
          approve: { target: 'survey', meta: { label: '通过' } },
          withdraw: { target: 'withdrawn', meta: { label: '撤回', roles: ['applicant'] } },
        },
      },
      survey: {
        meta: {
          label: '勘察',
          roles: ['surveyor'],
          thresholdHours: 8,
          thresholdUnit: 'working',
          notify: [{ to: 'assignee', template: 'survey-assigned', channels: ['message'] }],
        },
        on: {
          complete: {
            target: 'done',
            actions: ['recordPayment', { type: 'flag', params: { name: 'x' } }],
            guard: { type: 'paid' },
            meta: {
              label: '完成勘察',
              roles: ['surveyor', 'system'],
              form: { fields: [{ name: 'notes', label: '说明', type: 'textarea' }] },
              artifacts: [{ kind: 'site-photo', label: '现场照片', min: 1 }],
              notify: [{ to: 'applicant', template: 'plan-ready', channels: ['sms', 'wechat'] }],
            },
          },
        },
      },
      done: { type: 'final', meta: { label: '已完成', outcome: 'completed' } },
      withdrawn: { type: 'final', meta: { label: '已撤回' } },
    },
  },
});

const check = (change: (spec: any) => void, withEnv: ValidationEnv = env) => {
  const spec = base();
  change(spec);
  return validateSpec(spec as ProcessSpec, withEnv);
};
const problem = (path: string, message: string) => ({ path: path === '' ? [] : path.split('.'), message });
const paths = (problems: { path: string[] }[]) => problems.map((p) => p.path.join('.'));

describe('validateSpec: accepted definitions', () => {
  it('accepts a complete definition', () => {
    expect(validateSpec(base(), env)).toEqual([]);
  });
});

describe('validateSpec: the process itself', () => {
  it('refuses what is not an object, and says nothing else', () => {
    for (const value of [null, undefined, 'water', 42]) {
      expect(validateSpec(value as any, env)).toEqual([problem('', '流程定义应为对象')]);
    }
  });

  it.each(['', 'a', 'Water', 'water_resident', '1water', 'water resident', `w${'a'.repeat(64)}`])(
    'refuses the key %j',
    (key) => {
      expect(check((s) => (s.key = key))).toEqual([problem('key', '流程标识应为小写字母、数字和连字符')]);
    },
  );

  it('accepts keys of lowercase letters, digits and hyphens, 2 to 64 long', () => {
    for (const key of ['ab', 'water-resident', 'w2', `w${'a'.repeat(63)}`])
      expect(check((s) => (s.key = key))).toEqual([]);
  });

  it('refuses a missing key or name', () => {
    expect(
      check((s) => {
        delete s.key;
        delete s.name;
      }),
    ).toEqual([problem('key', '流程标识应为小写字母、数字和连字符'), problem('name', '缺少流程名称')]);
  });

  it('refuses an unknown applicant type', () => {
    expect(check((s) => (s.applicantType = 'company'))).toEqual([
      problem('applicantType', '申请人类型应为：enterprise、resident'),
    ]);
  });

  it('accepts applicantTypes listing known types, and refuses an empty, unknown or non-list value', () => {
    expect(check((s) => (s.applicantTypes = ['resident', 'enterprise']))).toEqual([]);
    for (const value of [[], ['resident', 'company'], 'resident', null]) {
      expect(check((s) => (s.applicantTypes = value))).toEqual([
        problem('applicantTypes', '可申请的申请人类型应为以下一项或几项：enterprise、resident'),
      ]);
    }
  });

  it('stops at a missing state list, after the problems found before it', () => {
    expect(
      check((s) => {
        s.name = '';
        s.form = { fields: 'name' };
        delete s.machine.states;
      }),
    ).toEqual([problem('name', '缺少流程名称'), problem('machine.states', '缺少状态定义')]);
    expect(check((s) => delete s.machine)).toEqual([problem('machine.states', '缺少状态定义')]);
    expect(check((s) => (s.machine.states = 'review'))).toEqual([problem('machine.states', '缺少状态定义')]);
  });
});

describe('validateSpec: forms', () => {
  it('refuses an application form without a field list', () => {
    expect(check((s) => (s.form = { fields: 'name' }))).toEqual([problem('form.fields', '表单应有字段列表')]);
    expect(check((s) => (s.form = {}))).toEqual([problem('form.fields', '表单应有字段列表')]);
  });

  it('accepts a definition without an application form', () => {
    expect(check((s) => delete s.form)).toEqual([]);
  });

  it('names the field without a name, a label or a known type', () => {
    expect(
      check((s) =>
        s.form.fields.push(
          { label: '电话', type: 'mobile' },
          { name: 'date', label: '日期', type: 'date' },
          { name: 'x', type: 'text' },
          null,
        ),
      ),
    ).toEqual([
      problem('form.fields.1.name', '字段缺少名称'),
      problem('form.fields.2.type', '未知的字段类型：date'),
      problem('form.fields.3.label', '字段缺少标签'),
      problem('form.fields.4.name', '字段缺少名称'),
      problem('form.fields.4.label', '字段缺少标签'),
      problem('form.fields.4.type', '未知的字段类型：undefined'),
    ]);
  });

  it('knows every field type the forms use', () => {
    const types = ['text', 'textarea', 'mobile', 'credit-code', 'id-number', 'area', 'select', 'number'];
    const fields = [...types, 'integer', 'staff', 'image'].map((type) => ({ name: type, label: type, type }));
    expect(check((s) => (s.form.fields = fields))).toEqual([]);
  });

  it("checks an action's form at the action's path", () => {
    expect(check((s) => (s.machine.states.survey.on.complete.meta.form.fields[0].type = 'file'))).toEqual([
      problem('machine.states.survey.on.complete.meta.form.fields.0.type', '未知的字段类型：file'),
    ]);
    expect(check((s) => (s.machine.states.survey.on.complete.meta.form = { fields: {} }))).toEqual([
      problem('machine.states.survey.on.complete.meta.form.fields', '表单应有字段列表'),
    ]);
  });
});

describe('validateSpec: corrections', () => {
  it('accepts known job roles', () => {
    expect(check((s) => (s.corrections = { roles: ['window-clerk', 'finance'] }))).toEqual([]);
  });

  it('refuses corrections without a role list', () => {
    for (const corrections of [{}, { roles: null }]) {
      expect(check((s) => (s.corrections = corrections))).toEqual([
        problem('corrections.roles', '更正申请信息的角色应为列表'),
      ]);
    }
  });

  it('names each unknown role; the applicant and the system are no job roles', () => {
    expect(check((s) => (s.corrections = { roles: ['window-clerk', 'janitor', 'applicant', 'system'] }))).toEqual([
      problem('corrections.roles.1', '未知的角色：janitor'),
      problem('corrections.roles.2', '未知的角色：applicant'),
      problem('corrections.roles.3', '未知的角色：system'),
    ]);
  });
});

describe('validateSpec: state keys and the initial state', () => {
  it('refuses a key used twice, at the second place, naming the first', () => {
    expect(
      check((s) => {
        s.machine.states.survey.initial = 'review';
        s.machine.states.survey.states = {
          review: { meta: { label: '复核' }, on: { next: { target: 'done', meta: { label: '下一步' } } } },
        };
        s.machine.states.survey.meta.label = undefined;
      }),
    ).toEqual([problem('machine.states.survey.states.review', '状态标识“review”重复（已在 machine.states.review）')]);
  });

  it('refuses a missing or unknown initial state', () => {
    expect(check((s) => delete s.machine.initial)).toEqual([
      problem('machine.initial', '初始状态不存在'),
      ...['submitted', 'review', 'survey', 'done', 'withdrawn'].map((k) =>
        expect.objectContaining({ path: ['machine', 'states', k] }),
      ),
    ]);
    expect(paths(check((s) => (s.machine.initial = 'nowhere')))[0]).toBe('machine.initial');
  });

  it('refuses a nested state as the initial state of the process', () => {
    const problems = check((s) => {
      s.machine.states.review.initial = 'checking';
      s.machine.states.review.states = { checking: { meta: { label: '检查' }, on: { ok: 'done' } } };
      s.machine.initial = 'checking';
    });
    expect(problems[0]).toEqual(problem('machine.initial', '初始状态不存在'));
  });

  it('refuses a compound state without a valid initial child, but not a parallel one', () => {
    const compound = (s: any, initial?: string) => {
      s.machine.states.review.initial = initial;
      s.machine.states.review.states = {
        checking: { meta: { label: '检查' }, on: { ok: { target: 'survey', meta: { label: '好' } } } },
      };
    };
    expect(check((s) => compound(s))).toEqual([
      problem('machine.states.review.initial', '复合状态缺少有效的初始子状态'),
      problem('machine.states.review.states.checking', '步骤“检查”（checking）不可到达'),
    ]);
    expect(check((s) => compound(s, 'nowhere'))[0]).toEqual(
      problem('machine.states.review.initial', '复合状态缺少有效的初始子状态'),
    );
    expect(check((s) => compound(s, 'checking'))).toEqual([]);
    expect(
      check((s) => {
        compound(s);
        s.machine.states.review.type = 'parallel';
      }),
    ).toEqual([]);
  });
});

describe('validateSpec: steps', () => {
  it('refuses a step without a label', () => {
    expect(check((s) => delete s.machine.states.review.meta.label)).toEqual([
      problem('machine.states.review.meta.label', '步骤缺少中文名称'),
    ]);
    expect(check((s) => delete s.machine.states.done.meta)).toEqual([
      problem('machine.states.done.meta.label', '步骤缺少中文名称'),
    ]);
  });

  it('needs no label on a transient state (always only) or a compound state', () => {
    expect(check((s) => (s.machine.states.submitted.meta = { roles: [] }))).toEqual([
      problem('machine.states.submitted.meta.label', '步骤缺少中文名称'),
    ]);
    expect(
      check((s) => {
        s.machine.states.review.initial = 'checking';
        s.machine.states.review.states = {
          checking: { meta: { label: '检查' }, on: { ok: { target: 'survey', meta: { label: '好' } } } },
        };
        delete s.machine.states.review.meta;
      }),
    ).toEqual([]);
  });

  it('names each unknown role of a step; the applicant and the system are known', () => {
    expect(check((s) => (s.machine.states.review.meta.roles = ['janitor', 'applicant', 'system', 'cook']))).toEqual([
      problem('machine.states.review.meta.roles.0', '未知的角色：janitor'),
      problem('machine.states.review.meta.roles.3', '未知的角色：cook'),
    ]);
  });

  it('refuses a threshold that is not a positive number of hours', () => {
    for (const hours of [0, -1, null]) {
      expect(check((s) => (s.machine.states.review.meta.thresholdHours = hours))).toEqual([
        problem('machine.states.review.meta.thresholdHours', '时限应大于0小时'),
      ]);
    }
    expect(check((s) => (s.machine.states.review.meta.thresholdHours = 0.5))).toEqual([]);
  });

  it('refuses a threshold unit other than natural or working', () => {
    expect(check((s) => (s.machine.states.review.meta.thresholdUnit = 'natural'))).toEqual([]);
    expect(check((s) => (s.machine.states.review.meta.thresholdUnit = 'days'))).toEqual([
      problem('machine.states.review.meta.thresholdUnit', '时限单位应为 natural（自然小时）或 working（工作小时）'),
    ]);
  });

  it('refuses a step that is neither final nor secondary and has no way out', () => {
    expect(check((s) => (s.machine.states.survey.on = undefined))).toEqual([
      problem('machine.states.survey', '非终止步骤没有任何出口'),
      problem('machine.states.done', '步骤“已完成”（done）不可到达'),
    ]);
    expect(
      check((s) => {
        s.machine.states.review.on.park = { target: 'parked', meta: { label: '搁置' } };
        s.machine.states.parked = { meta: { label: '搁置', secondary: true } };
      }),
    ).toEqual([]);
  });
});

describe('validateSpec: notifications', () => {
  it('names an unknown audience, a bad template name and an unknown channel', () => {
    expect(
      check((s) => {
        s.machine.states.survey.meta.notify.push(
          { to: 'everyone', template: 'x' },
          { to: 'managers', template: 'Plan Ready', channels: ['sms', 'fax'] },
          { to: 'executives' },
        );
      }),
    ).toEqual([
      problem('machine.states.survey.meta.notify.1.to', '通知对象应为：applicant、assignee、managers、executives'),
      problem('machine.states.survey.meta.notify.2.template', '通知模板名称应为小写字母、数字和连字符'),
      problem('machine.states.survey.meta.notify.2.channels.1', '通知渠道应为：sms、message、wechat'),
      problem('machine.states.survey.meta.notify.3.template', '通知模板名称应为小写字母、数字和连字符'),
    ]);
  });

  it("checks an action's notifications at the action's path", () => {
    expect(check((s) => (s.machine.states.survey.on.complete.meta.notify[0].channels = ['pigeon']))).toEqual([
      problem('machine.states.survey.on.complete.meta.notify.0.channels.0', '通知渠道应为：sms、message、wechat'),
    ]);
  });
});

describe('validateSpec: transitions', () => {
  it('refuses a target that does not exist', () => {
    expect(check((s) => (s.machine.states.review.on.approve.target = 'nowhere'))).toEqual([
      problem('machine.states.review.on.approve.target', '目标状态“nowhere”不存在'),
    ]);
  });

  it('resolves #id targets by state id, and refuses an unknown id', () => {
    const withId = (s: any, target: string) => {
      s.machine.states.withdrawn.id = 'gone';
      s.machine.states.review.on.withdraw.target = target;
    };
    expect(check((s) => withId(s, '#gone'))).toEqual([]);
    expect(check((s) => withId(s, '#withdrawn'))).toEqual([
      problem('machine.states.review.on.withdraw.target', '目标状态“#withdrawn”不存在'),
      problem('machine.states.withdrawn', '步骤“已撤回”（withdrawn）不可到达'),
    ]);
  });

  it('refuses an unregistered guard, written as a name or as an object', () => {
    expect(check((s) => (s.machine.states.review.on.approve.guard = 'isFullMoon'))).toEqual([
      problem('machine.states.review.on.approve.guard', '未注册的条件：isFullMoon'),
    ]);
    expect(check((s) => (s.machine.states.survey.on.complete.guard = { type: 'isFullMoon', params: {} }))).toEqual([
      problem('machine.states.survey.on.complete.guard', '未注册的条件：isFullMoon'),
    ]);
  });

  it('accepts an inState guard naming a state (by key or #id) and refuses one naming none', () => {
    const guard = (state: unknown) => (s: any) => {
      s.machine.states.withdrawn.id = 'gone';
      s.machine.states.review.on.approve.guard = { type: 'inState', params: { state } };
    };
    expect(check(guard('survey'))).toEqual([]);
    expect(check(guard('#gone'))).toEqual([]);
    expect(check(guard('nowhere'))).toEqual([
      problem('machine.states.review.on.approve.guard.params.state', '状态“nowhere”不存在'),
    ]);
    expect(check(guard(undefined))).toEqual([
      problem('machine.states.review.on.approve.guard.params.state', '状态“undefined”不存在'),
    ]);
  });

  it('names each unregistered action, written as a name or as an object', () => {
    expect(check((s) => (s.machine.states.survey.on.complete.actions = ['sendFax', 'flag', { type: 'burn' }]))).toEqual(
      [
        problem('machine.states.survey.on.complete.actions.0', '未注册的动作：sendFax'),
        problem('machine.states.survey.on.complete.actions.2', '未注册的动作：burn'),
      ],
    );
  });

  it('names each unknown role of an action', () => {
    expect(check((s) => (s.machine.states.review.on.approve.meta.roles = ['finance', 'janitor']))).toEqual([
      problem('machine.states.review.on.approve.meta.roles.1', '未知的角色：janitor'),
    ]);
  });

  it('refuses an unknown attachment kind and a minimum below 1', () => {
    expect(
      check((s) =>
        s.machine.states.survey.on.complete.meta.artifacts.push(
          { kind: 'selfie', label: '自拍', min: 1 },
          { kind: 'contract', label: '合同', min: 0 },
          { kind: 'contract', label: '合同' },
        ),
      ),
    ).toEqual([
      problem('machine.states.survey.on.complete.meta.artifacts.1.kind', '未知的附件类型：selfie'),
      problem('machine.states.survey.on.complete.meta.artifacts.2.min', '最少数量应不小于1'),
      problem('machine.states.survey.on.complete.meta.artifacts.3.min', '最少数量应不小于1'),
    ]);
  });

  it('refuses an action without a label', () => {
    expect(check((s) => delete s.machine.states.review.on.approve.meta)).toEqual([
      problem('machine.states.review.on.approve.meta.label', '操作缺少中文名称'),
    ]);
    expect(check((s) => (s.machine.states.review.on.approve = 'survey'))).toEqual([
      problem('machine.states.review.on.approve.meta.label', '操作缺少中文名称'),
    ]);
  });

  it('numbers the transitions of an event written as a list (the label problem is per event)', () => {
    expect(
      check((s) => {
        s.machine.states.review.on.approve = [
          { target: 'survey', guard: 'paid', meta: { label: '通过' } },
          { target: 'nowhere', guard: 'isFullMoon' },
        ];
      }),
    ).toEqual([
      problem('machine.states.review.on.approve.1.target', '目标状态“nowhere”不存在'),
      problem('machine.states.review.on.approve.1.guard', '未注册的条件：isFullMoon'),
      problem('machine.states.review.on.approve.meta.label', '操作缺少中文名称'),
    ]);
  });

  it('numbers always transitions, written as a list or not, and needs no label on them', () => {
    expect(check((s) => (s.machine.states.submitted.always[1].target = 'nowhere'))).toEqual([
      problem('machine.states.submitted.always.1.target', '目标状态“nowhere”不存在'),
      problem('machine.states.review', '步骤“审核”（review）不可到达'),
      problem('machine.states.withdrawn', '步骤“已撤回”（withdrawn）不可到达'),
    ]);
    expect(
      check((s) => {
        s.machine.states.submitted.always = { target: 'review', guard: 'isFullMoon' };
      }),
    ).toEqual([problem('machine.states.submitted.always.0.guard', '未注册的条件：isFullMoon')]);
  });
});

describe('validateSpec: reachability', () => {
  it('names each step no transition leads to, by label when it has one', () => {
    expect(
      check((s) => {
        s.machine.states.orphan = {
          meta: { label: '孤立步骤' },
          on: { done: { target: 'done', meta: { label: '完成' } } },
        };
        s.machine.states.hop = { always: 'done' };
      }),
    ).toEqual([
      problem('machine.states.orphan', '步骤“孤立步骤”（orphan）不可到达'),
      problem('machine.states.hop', '步骤“hop”不可到达'),
    ]);
  });

  it('reaches only the initial child of a compound state unless a transition names another', () => {
    const compound = (s: any) => {
      s.machine.states.review.initial = 'checking';
      s.machine.states.review.states = {
        checking: { meta: { label: '检查' }, on: { ok: { target: 'survey', meta: { label: '好' } } } },
        rechecking: { meta: { label: '复查' }, on: { ok: { target: 'survey', meta: { label: '好' } } } },
      };
    };
    expect(check(compound)).toEqual([
      problem('machine.states.review.states.rechecking', '步骤“复查”（rechecking）不可到达'),
    ]);
    expect(
      check((s) => {
        compound(s);
        s.machine.states.review.states.checking.on.again = { target: 'rechecking', meta: { label: '复查' } };
      }),
    ).toEqual([]);
  });

  it('reaches every region of a parallel state', () => {
    expect(
      check((s) => {
        s.machine.states.review.type = 'parallel';
        s.machine.states.review.states = {
          works: {
            initial: 'building',
            states: {
              building: { meta: { label: '施工' }, on: { next: { target: 'survey', meta: { label: '下一步' } } } },
            },
          },
          paperwork: { initial: 'filing', states: { filing: { meta: { label: '归档', secondary: true } } } },
        };
      }),
    ).toEqual([]);
  });

  it("follows a compound state's own transitions from a child entered directly", () => {
    const limbo = {
      initial: 'waiting',
      on: { leave: { target: 'withdrawn', meta: { label: '离开' } } },
      states: { waiting: { meta: { label: '等待' }, on: { go: { target: 'done', meta: { label: '走' } } } } },
    };
    expect(
      check((s) => {
        s.machine.states.limbo = limbo;
        s.machine.states.review.on.withdraw.target = 'waiting';
      }),
      // Only limbo leads to withdrawn: reached through its child. The compound state itself is still
      // reported, though entering its child enters it too (the walk never marks ancestors reached).
    ).toEqual([problem('machine.states.limbo', '步骤“limbo”不可到达')]);
    expect(
      check((s) => {
        s.machine.states.limbo = limbo;
        delete s.machine.states.review.on.withdraw;
      }),
    ).toEqual([
      problem('machine.states.withdrawn', '步骤“已撤回”（withdrawn）不可到达'),
      problem('machine.states.limbo', '步骤“limbo”不可到达'),
      problem('machine.states.limbo.states.waiting', '步骤“等待”（waiting）不可到达'),
    ]);
  });

  it('follows #id targets and always transitions', () => {
    expect(
      check((s) => {
        s.machine.states.withdrawn.id = 'gone';
        s.machine.states.review.on.withdraw.target = '#gone';
      }),
    ).toEqual([]);
    expect(check((s) => (s.machine.states.submitted.always = [{ target: 'survey' }]))).toEqual([
      problem('machine.states.review', '步骤“审核”（review）不可到达'),
      problem('machine.states.withdrawn', '步骤“已撤回”（withdrawn）不可到达'),
    ]);
  });
});

describe('validateSpec: applicant files', () => {
  it('accepts known kinds shown from an existing step', () => {
    expect(check((s) => (s.applicantFilesFrom = { contract: 'survey' }))).toEqual([]);
  });

  it('refuses an unknown kind and an unknown step', () => {
    expect(check((s) => (s.applicantFilesFrom = { selfie: 'survey', contract: 'signing', video: 'nowhere' }))).toEqual([
      problem('applicantFilesFrom.selfie', '未知的附件类型：selfie'),
      problem('applicantFilesFrom.contract', '步骤“signing”不存在'),
      problem('applicantFilesFrom.video', '未知的附件类型：video'),
      problem('applicantFilesFrom.video', '步骤“nowhere”不存在'),
    ]);
  });
});

describe('validateSpec: values of the wrong shape', () => {
  it('reports the part it could not read instead of failing', () => {
    expect(check((s) => (s.corrections = { roles: 'window-clerk' }))).toContainEqual(
      problem('corrections', '格式不正确，请对照流程定义说明检查'),
    );
    expect(check((s) => (s.machine.states.survey.on.complete.meta.notify = 'applicant'))).toContainEqual(
      problem('machine.states', '格式不正确，请对照流程定义说明检查'),
    );
  });
});

describe('validateSpec: many problems at once', () => {
  it('reports every problem, in the order of the definition', () => {
    const problems = check((s) => {
      s.key = 'Bad Key';
      s.applicantTypes = ['robot'];
      s.form.fields.push({ name: 'when', label: '时间', type: 'datetime' });
      s.corrections = { roles: ['janitor'] };
      s.machine.states.review.meta.roles = ['janitor'];
      s.machine.states.review.on.approve.guard = 'isFullMoon';
      s.machine.states.survey.on.complete.meta.artifacts[0].kind = 'selfie';
      delete s.machine.states.survey.meta.label;
      s.machine.states.survey.meta.thresholdHours = 0;
      s.machine.states.orphan = { meta: { label: '孤立步骤', roles: ['finance'] }, on: { done: { target: 'done' } } };
      s.machine.states['dead-end'] = { meta: { label: '死胡同' } };
      s.machine.states.review.on.park = { target: 'dead-end', meta: { label: '搁置' } };
      s.machine.states.review.on.withdraw.target = 'nowhere';
      s.applicantFilesFrom = { selfie: 'survey' };
    });
    expect(problems).toEqual([
      problem('key', '流程标识应为小写字母、数字和连字符'),
      problem('applicantTypes', '可申请的申请人类型应为以下一项或几项：enterprise、resident'),
      problem('form.fields.1.type', '未知的字段类型：datetime'),
      problem('corrections.roles.0', '未知的角色：janitor'),
      problem('machine.states.review.meta.roles.0', '未知的角色：janitor'),
      problem('machine.states.review.on.approve.guard', '未注册的条件：isFullMoon'),
      problem('machine.states.review.on.withdraw.target', '目标状态“nowhere”不存在'),
      problem('machine.states.survey.meta.label', '步骤缺少中文名称'),
      problem('machine.states.survey.meta.thresholdHours', '时限应大于0小时'),
      problem('machine.states.survey.on.complete.meta.artifacts.0.kind', '未知的附件类型：selfie'),
      problem('machine.states.orphan.on.done.meta.label', '操作缺少中文名称'),
      problem('machine.states.dead-end', '非终止步骤没有任何出口'),
      problem('applicantFilesFrom.selfie', '未知的附件类型：selfie'),
      problem('machine.states.withdrawn', '步骤“已撤回”（withdrawn）不可到达'),
      problem('machine.states.orphan', '步骤“孤立步骤”（orphan）不可到达'),
    ]);
  });

  it('reports the problems of nested states before the compound state’s own', () => {
    const problems = check((s) => {
      s.machine.states.review.initial = 'checking';
      s.machine.states.review.states = {
        checking: { meta: { label: '检查', roles: ['cook'] }, on: { ok: { target: 'survey', meta: { label: '好' } } } },
      };
      s.machine.states.review.meta.roles = ['janitor'];
    });
    expect(paths(problems)).toEqual([
      'machine.states.review.states.checking.meta.roles.0',
      'machine.states.review.meta.roles.0',
    ]);
  });
});
