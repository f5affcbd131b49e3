import { useState } from 'react';
import { previewRules, saveRule, type BusinessRule, type PreviewResult } from '../../api/rules';
import { explain } from '../../api/orders';
import type { Outcome } from './options';
import { useRuleDraft } from './useRuleDraft';

/** A refused save: each problem with its path, or the engine's message. */
const refusal = (error: unknown): Outcome => {
  const e = explain(error);
  const problems = (error as any)?.response?.data?.error?.details?.errors ?? [];
  return {
    ok: false,
    text: problems.length ? problems.map((p: any) => `${p.path.join('.')}：${p.message}`).join('；') : e.message,
  };
};

/** The editor: the draft, saving it (then loading the rules again), and trying it on an order. */
export const useRuleEditor = (rules: BusinessRule[], onSaved: () => void) => {
  const draft = useRuleDraft();
  const [message, setMessage] = useState<Outcome | null>(null);
  const [number, setNumber] = useState('');
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const edit = (rule: BusinessRule) => {
    draft.open(rule);
    setMessage(null);
    setPreview(null);
  };
  const save = async () => {
    try {
      await saveRule(draft.draft!);
      setMessage({ ok: true, text: '规则已保存' });
      onSaved();
    } catch (error) {
      setMessage(refusal(error));
    }
  };
  // The draft runs with the process's other active rules, as it would once saved.
  const tryOn = async () => {
    const rule = draft.draft!;
    try {
      setPreview(
        await previewRules(number, [
          rule,
          ...rules.filter((r) => r.id !== rule.id && r.processKey === rule.processKey && r.active),
        ]),
      );
    } catch (error) {
      setMessage({ ok: false, text: explain(error).message });
    }
  };
  return { ...draft, edit, message, save, number, setNumber, preview, tryOn };
};

export type RuleEditorState = ReturnType<typeof useRuleEditor>;
