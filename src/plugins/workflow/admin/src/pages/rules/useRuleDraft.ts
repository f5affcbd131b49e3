import { useState } from 'react';
import type { BusinessRule } from '../../api/rules';

/** The rule being edited, its conditions as rows (all or any) and as the JSON text beside them. */
export const useRuleDraft = () => {
  const [draft, setDraft] = useState<BusinessRule | null>(null);
  const [json, setJson] = useState('');
  const open = (rule: BusinessRule) => {
    setDraft(structuredClone(rule));
    setJson(JSON.stringify(rule.conditions, null, 2));
  };
  const mode = draft?.conditions.any ? 'any' : 'all';
  const rows: any[] = draft ? (draft.conditions[mode] ?? []) : [];
  const setRows = (next: any[]) => {
    const conditions = { [mode]: next };
    setDraft({ ...draft!, conditions });
    setJson(JSON.stringify(conditions, null, 2));
  };
  const setMode = (next: string) => setDraft({ ...draft!, conditions: { [next]: rows } });
  const changeJson = (text: string) => {
    setJson(text);
    try {
      setDraft({ ...draft!, conditions: JSON.parse(text) });
    } catch {
      // Keep typing; the structured rows follow once the JSON parses.
    }
  };
  return { draft, setDraft, json, open, mode, rows, setRows, setMode, changeJson };
};
