import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { getVersion, listDefinitions, listVersions, publishDefinition, type Problem } from '../api/definitions';
import { ProcessGraph } from '../components/ProcessGraph';
import { EdgeEditor, FormEditor, StepEditor } from '../components/DefinitionEditor';
import { stepOfPath } from '../components/processGraph';

type Selection = { kind: 'step'; key: string } | { kind: 'edge'; id: string } | { kind: 'form' } | null;

/** 流程定义: every process and its versions, the graph of a version, and a draft to edit and publish. */
export const DefinitionsPage = () => {
  const [processes, setProcesses] = useState<Array<{ key: string; name: string; version: number }>>([]);
  const [choices, setChoices] = useState<{ roles: string[]; roleLabels: Record<string, string>; fileKinds: string[] }>({
    roles: [],
    roleLabels: {},
    fileKinds: [],
  });
  const [key, setKey] = useState('');
  const [versions, setVersions] = useState<
    Array<{ version: number; source: string; createdAt: string; orders: number; openOrders: number }>
  >([]);
  const [version, setVersion] = useState<number | null>(null);
  const [draft, setDraft] = useState<any>(null);
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    listDefinitions().then((res) => {
      setProcesses(res.data.map((d) => ({ key: d.key, name: d.name, version: d.version })));
      setChoices(res.meta);
      setKey((k) => k || res.data[0]?.key || '');
    });
  }, []);
  const loadVersions = useCallback(async (k: string) => {
    const list = await listVersions(k);
    setVersions(list);
    return list;
  }, []);
  const open = useCallback(async (k: string, v: number) => {
    const { spec } = await getVersion(k, v);
    setVersion(v);
    setDraft(spec);
    setDirty(false);
    setSelection(null);
    setProblems([]);
  }, []);
  useEffect(() => {
    if (!key) return;
    loadVersions(key).then((list) => list[0] && open(key, list[0].version));
  }, [key, loadVersions, open]);

  const change = (mutate: (spec: any) => void) => {
    const next = structuredClone(draft);
    mutate(next);
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };

  const errorsByStep = useMemo(() => {
    const map: Record<string, string[]> = {};
    for (const p of problems) {
      const step = stepOfPath(p.path);
      if (step) map[step] = [...(map[step] ?? []), p.message];
    }
    return map;
  }, [problems]);

  const publish = async () => {
    const result = await publishDefinition(draft);
    if (result.errors) {
      setProblems(result.errors);
      setNotice('流程定义有误，未发布：请按图中标红的步骤修改');
      return;
    }
    setProblems([]);
    const list = await loadVersions(key);
    await open(key, list[0].version);
    setNotice(
      result.created
        ? `已发布为第 ${result.version} 版：新工单使用新版本，在办工单仍按原版本办理`
        : '与最新版本相同，无需发布',
    );
  };

  const edge =
    selection?.kind === 'edge'
      ? (() => {
          const [from, event, index] = selection.id.split(':');
          return { from, event, index: Number(index) };
        })()
      : null;

  return (
    <Layouts.Root>
      <Layouts.Header
        title="流程定义"
        subtitle="每个流程的各个版本；修改后发布为新版本，在办工单仍按原版本办理"
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Button onClick={publish} disabled={!dirty} data-testid="publish">
            发布为新版本
          </Button>
        }
      />
      <Layouts.Content>
        <Flex gap={2} marginBottom={3}>
          {processes.map((p) => (
            <Button
              key={p.key}
              variant={p.key === key ? 'default' : 'tertiary'}
              onClick={() => setKey(p.key)}
              data-testid={`process-${p.key}`}
            >
              {p.name}
            </Button>
          ))}
        </Flex>
        {notice ? (
          <Box marginBottom={3}>
            <Typography textColor={problems.length ? 'danger600' : 'success600'} data-testid="notice">
              {notice}
            </Typography>
          </Box>
        ) : null}
        {problems.length ? (
          <Box marginBottom={3} data-testid="problems">
            {problems.map((p, i) => (
              <Typography key={i} tag="p" textColor="danger600">
                {p.path.join('.')}：{p.message}
              </Typography>
            ))}
          </Box>
        ) : null}
        <Grid.Root gap={4}>
          <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
            <Typography variant="sigma">版本</Typography>
            {versions.map((v) => (
              <Box
                key={v.version}
                padding={2}
                marginTop={1}
                hasRadius
                background={v.version === version ? 'primary100' : 'neutral0'}
                style={{ cursor: 'pointer' }}
                onClick={() => open(key, v.version)}
                data-testid="version"
              >
                <Typography fontWeight="bold">
                  第 {v.version} 版{v.source === 'admin' ? '（后台发布）' : ''}
                </Typography>
                <Typography tag="p" variant="pi" data-testid="version-orders">
                  工单 {v.orders} 个，在办 {v.openOrders} 个
                </Typography>
              </Box>
            ))}
            <Box marginTop={3}>
              <Button variant="tertiary" onClick={() => setSelection({ kind: 'form' })} data-testid="edit-form">
                编辑申请表单
              </Button>
            </Box>
          </Grid.Item>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            {draft ? (
              <ProcessGraph
                machine={draft.machine}
                errorsByStep={errorsByStep}
                selected={selection?.kind === 'step' ? selection.key : selection?.kind === 'edge' ? selection.id : null}
                onSelectStep={(k) => setSelection({ kind: 'step', key: k })}
                onSelectEdge={(id) => setSelection({ kind: 'edge', id })}
              />
            ) : null}
            <Typography variant="pi" textColor="neutral600">
              点击步骤编辑名称、时限、角色和通知；点击连线编辑操作、必需附件和通知{dirty ? ' · 有未发布的修改' : ''}
            </Typography>
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <Box padding={3} background="neutral0" hasRadius shadow="tableShadow" width="100%">
              {!draft || !selection ? <Typography textColor="neutral600">选择一个步骤或操作</Typography> : null}
              {draft && selection?.kind === 'step' ? (
                <StepEditor
                  spec={draft}
                  step={selection.key}
                  roles={choices.roles}
                  roleLabels={choices.roleLabels}
                  onChange={change}
                  onSelectAction={(id) => setSelection({ kind: 'edge', id })}
                />
              ) : null}
              {draft && edge ? (
                <EdgeEditor spec={draft} edge={edge} kinds={choices.fileKinds} onChange={change} />
              ) : null}
              {draft && selection?.kind === 'form' ? <FormEditor spec={draft} onChange={change} /> : null}
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
