import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Notifications } from './NotifyEditor';
import { findState, type StateConfig } from './processGraph';

/**
 * The parts of a draft definition an administrator edits: the selected step, the selected action
 * (transition), and the application form. Each change is made on a copy and handed back whole.
 */
const FIELD_TYPES = ['text', 'textarea', 'mobile', 'credit-code', 'id-number', 'area', 'select', 'number', 'integer'];

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
type Patch = (patch: Record<string, unknown>) => void;

/** The step's name, time limit and how the limit is counted. */
const StepFields = ({ meta, set }: { meta: Record<string, any>; set: Patch }) => (
  <>
    <Row label="名称" htmlFor="step-label">
      <input id="step-label" style={input} value={meta.label ?? ''} onChange={(e) => set({ label: e.target.value })} />
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
  </>
);

interface StepRolesProps {
  roles: string[];
  roleLabels: Record<string, string>;
  chosen: string[];
  onChange: (roles: string[]) => void;
}

/** 办理角色: the job roles that take the step. */
const StepRoles = ({ roles, roleLabels, chosen, onChange }: StepRolesProps) => (
  <Row label="办理角色">
    <Flex gap={2} wrap="wrap">
      {roles.map((r) => (
        <label key={r} style={{ fontSize: 12 }}>
          <input
            type="checkbox"
            checked={chosen.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, r] : chosen.filter((x) => x !== r))}
          />
          {roleLabels[r] ?? r}
        </label>
      ))}
    </Flex>
  </Row>
);

/** 此步骤的操作: each transition out of the step, opening its editor. */
const StepActions = ({
  state,
  step,
  onSelect,
}: {
  state: StateConfig;
  step: string;
  onSelect: (id: string) => void;
}) => (
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
            onClick={() => onSelect(`${step}:${event}:${i}`)}
          >
            {tr?.meta?.label ?? event}
          </Button>
        )),
      )}
    </Flex>
  </Box>
);

interface StepEditorProps {
  spec: any;
  step: string;
  roles: string[];
  roleLabels: Record<string, string>;
  onChange: Change;
  onSelectAction: (id: string) => void;
}

export const StepEditor = ({ spec, step, roles, roleLabels, onChange, onSelectAction }: StepEditorProps) => {
  const state = findState(spec.machine.states, step);
  if (!state) return null;
  const meta = state.meta ?? {};
  // Empty settings are removed, so an untouched step keeps the definition as it was.
  const set: Patch = (patch) =>
    onChange((draft) => {
      const s = findState(draft.machine.states, step)!;
      s.meta = { ...(s.meta ?? {}), ...patch };
      for (const [k, v] of Object.entries(s.meta)) if (v === undefined || v === '') delete s.meta[k];
    });
  return (
    <Box data-testid="step-editor">
      <Typography variant="delta">步骤：{meta.label ?? step}</Typography>
      <StepFields meta={meta} set={set} />
      <StepRoles roles={roles} roleLabels={roleLabels} chosen={meta.roles ?? []} onChange={(r) => set({ roles: r })} />
      <Notifications
        list={meta.notify ?? []}
        onChange={(notify) => set({ notify: notify.length ? notify : undefined })}
      />
      <StepActions state={state} step={step} onSelect={onSelectAction} />
    </Box>
  );
};

type Edge = { from: string; event: string; index: number };

/** The edge's transition in a spec: one of the event's transitions, or the event's only one. */
const transitionOf = (spec: any, edge: Edge) => {
  const raw = findState(spec.machine.states, edge.from)?.on?.[edge.event];
  return Array.isArray(raw) ? raw[edge.index] : raw;
};

/** Removes the edge's transition; the event goes with its last one, the step's `on` with its last event. */
const removeTransition = (spec: any, edge: Edge) => {
  const s = findState(spec.machine.states, edge.from)!;
  if (Array.isArray(s.on![edge.event]) && s.on![edge.event].length > 1) s.on![edge.event].splice(edge.index, 1);
  else delete s.on![edge.event];
  if (s.on && !Object.keys(s.on).length) delete s.on;
};

interface ArtifactsProps {
  artifacts: any[];
  kinds: string[];
  /** Changes the transition (its meta is there). */
  update: (mutate: (t: any) => void) => void;
}

/** 必需附件: the files the action needs, by kind, name and least number, and one more. */
const Artifacts = ({ artifacts, kinds, update }: ArtifactsProps) => (
  <>
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
  </>
);

interface EdgeEditorProps {
  spec: any;
  edge: Edge;
  kinds: string[];
  onChange: Change;
}

export const EdgeEditor = ({ spec, edge, kinds, onChange }: EdgeEditorProps) => {
  const transition = transitionOf(spec, edge);
  if (!transition) return null;
  const meta = transition.meta ?? {};
  const update = (mutate: (t: any) => void) =>
    onChange((draft) => {
      const t = transitionOf(draft, edge);
      t.meta = t.meta ?? {};
      mutate(t);
    });
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
      <Artifacts artifacts={meta.artifacts ?? []} kinds={kinds} update={update} />
      <Notifications
        list={meta.notify ?? []}
        onChange={(notify) => update((t) => (notify.length ? (t.meta.notify = notify) : delete t.meta.notify))}
      />
      <Box marginTop={3}>
        <Button
          variant="danger"
          data-testid="delete-transition"
          onClick={() => onChange((d) => removeTransition(d, edge))}
        >
          删除此操作
        </Button>
      </Box>
    </Box>
  );
};

/** A select field's options (separated by either comma), or another field's maximum length. */
const FieldLimit = ({ field: f, update }: { field: any; update: Patch }) =>
  f.type === 'select' ? (
    <input
      aria-label={`${f.name}的选项`}
      value={(f.options ?? []).join('，')}
      onChange={(e) =>
        update({
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
      onChange={(e) => update({ maxLength: e.target.value ? Number(e.target.value) : undefined })}
      style={{ width: 80 }}
    />
  );

/** One field of the application form: its name, label, type, whether required, its limit. */
const FieldRow = ({ field: f, update, onDelete }: { field: any; update: Patch; onDelete: () => void }) => (
  <Flex gap={1} marginTop={1} wrap="wrap" data-testid="form-field">
    <code style={{ width: 110, fontSize: 11 }}>{f.name}</code>
    <input
      aria-label={`${f.name}的名称`}
      value={f.label}
      onChange={(e) => update({ label: e.target.value })}
      style={{ width: 120 }}
    />
    <select aria-label={`${f.name}的类型`} value={f.type} onChange={(e) => update({ type: e.target.value })}>
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
        onChange={(e) => update({ required: e.target.checked || undefined })}
      />
      必填
    </label>
    <FieldLimit field={f} update={update} />
    <Button size="S" variant="danger-light" onClick={onDelete}>
      删除
    </Button>
  </Flex>
);

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
        <FieldRow
          key={f.name}
          field={f}
          update={(patch) => update(i, patch)}
          onDelete={() => onChange((draft) => draft.form.fields.splice(i, 1))}
        />
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
