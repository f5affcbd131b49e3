import { useCallback, useEffect, useState } from 'react';
import { getVersion, listVersions, publishDefinition, type Problem } from '../../api/definitions';
import type { Selection } from './selection';

export type Version = Awaited<ReturnType<typeof listVersions>>[number];

const published = (result: { version?: number; created?: boolean }) =>
  result.created
    ? `已发布为第 ${result.version} 版：新工单使用新版本，在办工单仍按原版本办理`
    : '与最新版本相同，无需发布';

/** A process's versions, the one opened as a draft, its edits and selection, and publishing it. */
export const useDraft = (key: string) => {
  const [versions, setVersions] = useState<Version[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const [draft, setDraft] = useState<any>(null);
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

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

  /** One edit, made on a copy of the draft. */
  const change = (mutate: (spec: any) => void) => {
    const next = structuredClone(draft);
    mutate(next);
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };

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
    setNotice(published(result));
  };

  return { versions, version, draft, dirty, selection, setSelection, problems, notice, open, change, publish };
};
