import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { listRules, previewRules, saveRule, type BusinessRule, type PreviewResult } from '../api/rules';
import { explain } from '../api/orders';

const PURPOSES: Record<string, { label: string; type: string; params: Array<{ key: string; label: string }> }> = {
  'pre-review': { label: '智能预审', type: 'fail', params: [{ key: 'reason', label: '不通过的原因（告知申请人）' }] },
  category: { label: '类型建议', type: 'category', params: [{ key: 'category', label: '建议的需求类型' }] },
  dispatch: {
    label: '智能派单',
    type: 'dispatch',
    params: [
      { key: 'organization', label: '派往机构代码' },
      { key: 'planType', label: '方案类型' },
    ],
  },
};
const OPERATOR_LABELS: Record<string, string> = {
  equal: '等于',
  notEqual: '不等于',
  lessThan: '小于',
  lessThanInclusive: '小于等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于等于',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
  containsAny: '包含任一关键词',
  isBlank: '为空',
  shorterThan: '字数少于',
};
const LIST_OPERATORS = ['in', 'notIn', 'containsAny'];

/** A condition's value as typed: lists for list operators, numbers when they look like numbers, true/false. */
const parseValue = (operator: string, text: string): unknown => {
  if (LIST_OPERATORS.includes(operator))
    return text
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter(Boolean);
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
};
const showValue = (value: unknown) => (Array.isArray(value) ? value.join('，') : String(value ?? ''));

/** 业务规则: the rules as structured conditions with a JSON view, saved only when they can run, tried on an order. */
export const RulesPage = () => {
  const [rules, setRules] = useState<BusinessRule[]>([]);
  const [operators, setOperators] = useState<string[]>([]);
  const [draft, setDraft] = useState<BusinessRule | null>(null);
  const [json, setJson] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [number, setNumber] = useState('');
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const load = useCallback(
    () =>
      listRules().then((res) => {
        setRules(res.data);
        setOperators(res.meta.operators);
      }),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);

  const edit = (rule: BusinessRule) => {
    setDraft(structuredClone(rule));
    setJson(JSON.stringify(rule.conditions, null, 2));
    setMessage(null);
    setPreview(null);
  };
  const mode = draft?.conditions.any ? 'any' : 'all';
  const rows: any[] = draft ? (draft.conditions[mode] ?? []) : [];
  const setRows = (next: any[]) => {
    const conditions = { [mode]: next };
    setDraft({ ...draft!, conditions });
    setJson(JSON.stringify(conditions, null, 2));
  };

  const save = async () => {
    try {
      await saveRule(draft!);
      setMessage({ ok: true, text: '规则已保存' });
      load();
    } catch (error) {
      const e = explain(error);
      const problems = (error as any)?.response?.data?.error?.details?.errors ?? [];
      setMessage({
        ok: false,
        text: problems.length ? problems.map((p: any) => `${p.path.join('.')}：${p.message}`).join('；') : e.message,
      });
    }
  };

  return (
    <Layouts.Root>
      <Layouts.Header
        title="业务规则"
        subtitle="智能预审、类型建议和智能派单的条件；保存前检查，可在工单上试运行"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            {rules.map((r) => (
              <Box
                key={r.id}
                padding={2}
                marginBottom={1}
                hasRadius
                background={draft?.id === r.id ? 'primary100' : 'neutral0'}
                style={{ cursor: 'pointer' }}
                onClick={() => edit(r)}
                data-testid="rule"
              >
                <Typography fontWeight="bold">{r.name}</Typography>
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {r.processKey} · {PURPOSES[r.purpose]?.label} · 优先级 {r.priority}
                  {r.active ? '' : ' · 停用'}
                </Typography>
              </Box>
            ))}
          </Grid.Item>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            {draft ? (
              <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" data-testid="rule-editor">
                <Flex gap={2} wrap="wrap">
                  <input
                    aria-label="规则名称"
                    value={draft.name}
                    onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                    style={{ width: 240 }}
                  />
                  <label>
                    优先级{' '}
                    <input
                      aria-label="优先级"
                      type="number"
                      value={draft.priority}
                      onChange={(e) => setDraft({ ...draft, priority: Number(e.target.value) })}
                      style={{ width: 60 }}
                    />
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={draft.active}
                      onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
                    />
                    启用
                  </label>
                  <select
                    aria-label="条件组合"
                    value={mode}
                    onChange={(e) => setDraft({ ...draft, conditions: { [e.target.value]: rows } })}
                  >
                    <option value="all">满足全部条件</option>
                    <option value="any">满足任一条件</option>
                  </select>
                </Flex>
                {rows.map((c, i) => (
                  <Flex key={i} gap={1} marginTop={2} data-testid="condition">
                    <input
                      aria-label="事实"
                      value={c.fact ?? ''}
                      onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, fact: e.target.value } : x)))}
                      style={{ width: 140 }}
                    />
                    <select
                      aria-label="运算符"
                      value={c.operator}
                      onChange={(e) =>
                        setRows(
                          rows.map((x, j) =>
                            j === i
                              ? {
                                  ...x,
                                  operator: e.target.value,
                                  value: parseValue(e.target.value, showValue(x.value)),
                                }
                              : x,
                          ),
                        )
                      }
                    >
                      {operators.map((o) => (
                        <option key={o} value={o}>
                          {OPERATOR_LABELS[o] ?? o}
                        </option>
                      ))}
                    </select>
                    <input
                      aria-label="值"
                      value={showValue(c.value)}
                      onChange={(e) =>
                        setRows(
                          rows.map((x, j) => (j === i ? { ...x, value: parseValue(x.operator, e.target.value) } : x)),
                        )
                      }
                      style={{ width: 260 }}
                    />
                    <Button size="S" variant="danger-light" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                      删除
                    </Button>
                  </Flex>
                ))}
                <Button
                  size="S"
                  variant="tertiary"
                  marginTop={2}
                  onClick={() => setRows([...rows, { fact: 'description', operator: 'containsAny', value: [] }])}
                >
                  添加条件
                </Button>
                <Box marginTop={3}>
                  {PURPOSES[draft.purpose]?.params.map((p) => (
                    <Flex key={p.key} gap={2} marginTop={1}>
                      <Typography variant="pi" style={{ width: 160 }}>
                        {p.label}
                      </Typography>
                      <input
                        aria-label={p.label}
                        value={draft.event.params?.[p.key] ?? ''}
                        onChange={(e) =>
                          setDraft({
                            ...draft,
                            event: { ...draft.event, params: { ...draft.event.params, [p.key]: e.target.value } },
                          })
                        }
                        style={{ width: 300 }}
                      />
                    </Flex>
                  ))}
                </Box>
                <Box marginTop={3}>
                  <Typography variant="sigma">JSON</Typography>
                  <textarea
                    aria-label="条件JSON"
                    value={json}
                    rows={8}
                    style={{ width: '100%', fontFamily: 'monospace', fontSize: 12 }}
                    onChange={(e) => {
                      setJson(e.target.value);
                      try {
                        setDraft({ ...draft, conditions: JSON.parse(e.target.value) });
                      } catch {
                        // Keep typing; the structured rows follow once the JSON parses.
                      }
                    }}
                  />
                </Box>
                <Flex gap={2} marginTop={2}>
                  <Button onClick={save} data-testid="save-rule">
                    保存
                  </Button>
                  {message ? (
                    <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="rule-message">
                      {message.text}
                    </Typography>
                  ) : null}
                </Flex>
                <Flex gap={2} marginTop={4}>
                  <input
                    aria-label="试运行的工单编号"
                    placeholder="工单编号"
                    value={number}
                    onChange={(e) => setNumber(e.target.value)}
                  />
                  <Button
                    variant="secondary"
                    data-testid="try-rule"
                    onClick={async () => {
                      try {
                        setPreview(
                          await previewRules(number, [
                            draft,
                            ...rules.filter((r) => r.id !== draft.id && r.processKey === draft.processKey && r.active),
                          ]),
                        );
                      } catch (error) {
                        setMessage({ ok: false, text: explain(error).message });
                      }
                    }}
                  >
                    在工单上试运行
                  </Button>
                </Flex>
                {preview ? (
                  <Box marginTop={2} data-testid="preview">
                    {preview.results.map((r) => (
                      <Typography
                        key={r.name}
                        tag="p"
                        textColor={r.fired ? 'success600' : 'neutral600'}
                        data-fired={r.fired ? 'true' : 'false'}
                      >
                        {r.fired ? '✔ 触发' : '✘ 未触发'}：{r.name}
                        {r.event ? `（${Object.values(r.event.params).join('，')}）` : ''}
                      </Typography>
                    ))}
                    <Typography tag="p" variant="pi" textColor="neutral500">
                      事实：{JSON.stringify(preview.facts)}
                    </Typography>
                  </Box>
                ) : null}
              </Box>
            ) : (
              <Typography textColor="neutral600">选择左侧的一条规则</Typography>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
