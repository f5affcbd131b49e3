import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { findState } from './processGraph';

/**
 * The parts of a draft definition an administrator edits: the selected step, the selected action
 * (transition), and the application form. Each change is made on a copy and handed back whole.
 */
const FIELD_TYPES = ['text', 'textarea', 'mobile', 'credit-code', 'id-number', 'area', 'select', 'number', 'integer'];
const AUDIENCES = [
  { value: 'applicant', label: '申请人' },
  { value: 'assignee', label: '经办人' },
  { value: 'managers', label: '部门管理员' },
  { value: 'executives', label: '领导与超级管理员' },
];
const CHANNELS = [
  { value: 'sms', label: '短信' },
  { value: 'message', label: '站内消息' },
  { value: 'wechat', label: '微信' },
];

const input = { height: 32, width: '100%', boxSizing: 'border-box' as const };
const Row = ({ label, children, htmlFor }: { label: string; children: React.ReactNode; htmlFor?: string }) => (
  <Box marginBottom={2}>
    <Typography variant="pi" tag="label" htmlFor={htmlFor}>
      {label}
    </Typography>
    <Box>{children}</Box>
  </Box>
);

type Change = (mutate: (spec: any) => void) => void;

const Notifications = ({ list, onChange }: { list: any[]; onChange: (next: any[]) => void }) => (
  <Box marginTop={2}>
    <Typography variant="sigma">通知</Typography>
    {list.map((n, i) => (
      <Flex key={i} gap={1} marginTop={1} wrap="wrap">
        <select
          value={n.to}
          onChange={(e) => onChange(list.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))}
        >
          {AUDIENCES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        <input
          aria-label="通知模板"
          value={n.template}
          onChange={(e) => onChange(list.map((x, j) => (j === i ? { ...x, template: e.target.value } : x)))}
          style={{ width: 130 }}
        />
        {CHANNELS.map((c) => (
          <label key={c.value} style={{ fontSize: 12 }}>
            <input
              type="checkbox"
              checked={(n.channels ?? (n.to === 'applicant' ? ['sms', 'message', 'wechat'] : ['message'])).includes(
                c.value,
              )}
              onChange={(e) => {
                const current = n.channels ?? (n.to === 'applicant' ? ['sms', 'message', 'wechat'] : ['message']);
                const channels = e.target.checked
                  ? [...current, c.value]
                  : current.filter((x: string) => x !== c.value);
                onChange(list.map((x, j) => (j === i ? { ...x, channels } : x)));
              }}
            />
            {c.label}
          </label>
        ))}
        <Button size="S" variant="danger-light" onClick={() => onChange(list.filter((_, j) => j !== i))}>
          删除
        </Button>
      </Flex>
    ))}
    <Button
      size="S"
      variant="tertiary"
      marginTop={1}
      onClick={() => onChange([...list, { to: 'applicant', template: '' }])}
    >
      添加通知
    </Button>
  </Box>
);

export const StepEditor = ({
  spec,
  step,
  roles,
  roleLabels,
  onChange,
  onSelectAction,
}: {
  spec: any;
  step: string;
  roles: string[];
  roleLabels: Record<string, string>;
  onChange: Change;
  onSelectAction: (id: string) => void;
}) => {
  const state = findState(spec.machine.states, step);
  if (!state) return null;
  const meta = state.meta ?? {};
  const set = (patch: Record<string, unknown>) =>
    onChange((draft) => {
      const s = findState(draft.machine.states, step)!;
      s.meta = { ...(s.meta ?? {}), ...patch };
      for (const [k, v] of Object.entries(s.meta)) if (v === undefined || v === '') delete s.meta[k];
    });
  return (
    <Box data-testid="step-editor">
      <Typography variant="delta">步骤：{meta.label ?? step}</Typography>
      <Row label="名称" htmlFor="step-label">
        <input
          id="step-label"
          style={input}
          value={meta.label ?? ''}
          onChange={(e) => set({ label: e.target.value })}
        />
      </Row>
      <Row label="时限（小时）" htmlFor="step-threshold">
        <input
          id="step-threshold"
          type="number"
          min={1}
          style={input}
          value={meta.thresholdHours ?? ''}
          onChange={(e) => set({ thresholdHours: e.target.value === '' ? undefined : Number(e.target.value) })}
        />
      </Row>
      <Row label="计时方式" htmlFor="step-unit">
        <select
          id="step-unit"
          style={input}
          value={meta.thresholdUnit ?? 'natural'}
          onChange={(e) => set({ thresholdUnit: e.target.value === 'natural' ? undefined : e.target.value })}
        >
          <option value="natural">自然小时</option>
          <option value="working">工作小时（跳过周末和法定节假日）</option>
        </select>
      </Row>
      <Row label="办理角色">
        <Flex gap={2} wrap="wrap">
          {roles.map((r) => (
            <label key={r} style={{ fontSize: 12 }}>
              <input
                type="checkbox"
                checked={(meta.roles ?? []).includes(r)}
                onChange={(e) =>
                  set({
                    roles: e.target.checked
                      ? [...(meta.roles ?? []), r]
                      : (meta.roles ?? []).filter((x: string) => x !== r),
                  })
                }
              />
              {roleLabels[r] ?? r}
            </label>
          ))}
        </Flex>
      </Row>
      <Notifications
        list={meta.notify ?? []}
        onChange={(notify) => set({ notify: notify.length ? notify : undefined })}
      />
      <Box marginTop={2}>
        <Typography variant="sigma">此步骤的操作</Typography>
        <Flex gap={1} wrap="wrap" marginTop={1}>
          {Object.entries(state.on ?? {}).flatMap(([event, t]) =>
            (Array.isArray(t) ? t : [t]).map((tr: any, i: number) => (
              <Button
                key={`${event}:${i}`}
                size="S"
                variant="secondary"
                data-testid="step-action"
                onClick={() => onSelectAction(`${step}:${event}:${i}`)}
              >
                {tr?.meta?.label ?? event}
              </Button>
            )),
          )}
        </Flex>
      </Box>
    </Box>
  );
};

export const EdgeEditor = ({
  spec,
  edge,
  kinds,
  onChange,
}: {
  spec: any;
  edge: { from: string; event: string; index: number };
  kinds: string[];
  onChange: Change;
}) => {
  const state = findState(spec.machine.states, edge.from);
  const raw = state?.on?.[edge.event];
  const transition = Array.isArray(raw) ? raw[edge.index] : raw;
  if (!transition) return null;
  const meta = transition.meta ?? {};
  const update = (mutate: (t: any) => void) =>
    onChange((draft) => {
      const s = findState(draft.machine.states, edge.from)!;
      const t = Array.isArray(s.on![edge.event]) ? s.on![edge.event][edge.index] : s.on![edge.event];
      t.meta = t.meta ?? {};
      mutate(t);
    });
  const artifacts: any[] = meta.artifacts ?? [];
  return (
    <Box data-testid="edge-editor">
      <Typography variant="delta">操作：{meta.label ?? edge.event}</Typography>
      <Row label="名称" htmlFor="edge-label">
        <input
          id="edge-label"
          style={input}
          value={meta.label ?? ''}
          onChange={(e) => update((t) => (t.meta.label = e.target.value))}
        />
      </Row>
      <Typography variant="sigma">必需附件</Typography>
      {artifacts.map((a, i) => (
        <Flex key={i} gap={1} marginTop={1}>
          <select value={a.kind} onChange={(e) => update((t) => (t.meta.artifacts[i].kind = e.target.value))}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <input
            aria-label="附件名称"
            value={a.label}
            onChange={(e) => update((t) => (t.meta.artifacts[i].label = e.target.value))}
            style={{ width: 120 }}
          />
          <input
            aria-label="最少数量"
            type="number"
            min={1}
            value={a.min}
            onChange={(e) => update((t) => (t.meta.artifacts[i].min = Number(e.target.value)))}
            style={{ width: 50 }}
          />
          <Button size="S" variant="danger-light" onClick={() => update((t) => t.meta.artifacts.splice(i, 1))}>
            删除
          </Button>
        </Flex>
      ))}
      <Button
        size="S"
        variant="tertiary"
        marginTop={1}
        onClick={() =>
          update((t) => (t.meta.artifacts = [...(t.meta.artifacts ?? []), { kind: kinds[0], label: '附件', min: 1 }]))
        }
      >
        添加附件要求
      </Button>
      <Notifications
        list={meta.notify ?? []}
        onChange={(notify) => update((t) => (notify.length ? (t.meta.notify = notify) : delete t.meta.notify))}
      />
      <Box marginTop={3}>
        <Button
          variant="danger"
          data-testid="delete-transition"
          onClick={() =>
            onChange((draft) => {
              const s = findState(draft.machine.states, edge.from)!;
              if (Array.isArray(s.on![edge.event]) && s.on![edge.event].length > 1)
                s.on![edge.event].splice(edge.index, 1);
              else delete s.on![edge.event];
              if (s.on && !Object.keys(s.on).length) delete s.on;
            })
          }
        >
          删除此操作
        </Button>
      </Box>
    </Box>
  );
};

export const FormEditor = ({ spec, onChange }: { spec: any; onChange: Change }) => {
  const fields: any[] = spec.form?.fields ?? [];
  const update = (i: number, patch: Record<string, unknown>) =>
    onChange((draft) => {
      draft.form.fields[i] = { ...draft.form.fields[i], ...patch };
      for (const [k, v] of Object.entries(draft.form.fields[i]))
        if (v === undefined || v === '') delete draft.form.fields[i][k];
    });
  return (
    <Box data-testid="form-editor">
      <Typography variant="delta">申请表单</Typography>
      {fields.map((f, i) => (
        <Flex key={f.name} gap={1} marginTop={1} wrap="wrap" data-testid="form-field">
          <code style={{ width: 110, fontSize: 11 }}>{f.name}</code>
          <input
            aria-label={`${f.name}的名称`}
            value={f.label}
            onChange={(e) => update(i, { label: e.target.value })}
            style={{ width: 120 }}
          />
          <select aria-label={`${f.name}的类型`} value={f.type} onChange={(e) => update(i, { type: e.target.value })}>
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label style={{ fontSize: 12 }}>
            <input
              type="checkbox"
              checked={!!f.required}
              onChange={(e) => update(i, { required: e.target.checked || undefined })}
            />
            必填
          </label>
          {f.type === 'select' ? (
            <input
              aria-label={`${f.name}的选项`}
              value={(f.options ?? []).join('，')}
              onChange={(e) =>
                update(i, {
                  options: e.target.value
                    .split(/[,，]/)
                    .map((x) => x.trim())
                    .filter(Boolean),
                })
              }
              style={{ width: 180 }}
            />
          ) : (
            <input
              aria-label={`${f.name}的最大长度`}
              type="number"
              placeholder="最大长度"
              value={f.maxLength ?? ''}
              onChange={(e) => update(i, { maxLength: e.target.value ? Number(e.target.value) : undefined })}
              style={{ width: 80 }}
            />
          )}
          <Button size="S" variant="danger-light" onClick={() => onChange((draft) => draft.form.fields.splice(i, 1))}>
            删除
          </Button>
        </Flex>
      ))}
      <Button
        size="S"
        variant="tertiary"
        marginTop={1}
        onClick={() =>
          onChange((draft) =>
            draft.form.fields.push({ name: `field${draft.form.fields.length + 1}`, label: '新字段', type: 'text' }),
          )
        }
      >
        添加字段
      </Button>
    </Box>
  );
};
