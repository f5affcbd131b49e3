import type { Problem } from '../../api/definitions';
import { stepOfPath } from '../../components/processGraph';

/** What the editor beside the graph shows: a step, an action (edge `from:event:index`), the form, or nothing. */
export type Selection = { kind: 'step'; key: string } | { kind: 'edge'; id: string } | { kind: 'form' } | null;

/** The selected action's transition: its step, its event and its place among the event's transitions. */
export const edgeOf = (selection: Selection) => {
  if (selection?.kind !== 'edge') return null;
  const [from, event, index] = selection.id.split(':');
  return { from, event, index: Number(index) };
};

/** The step or edge the graph highlights. */
export const selectedOf = (selection: Selection) =>
  selection?.kind === 'step' ? selection.key : selection?.kind === 'edge' ? selection.id : null;

/** The problems the engine found, by the step each names (the graph marks those steps red). */
export const errorsByStep = (problems: Problem[]) => {
  const map: Record<string, string[]> = {};
  for (const p of problems) {
    const step = stepOfPath(p.path);
    if (step) map[step] = [...(map[step] ?? []), p.message];
  }
  return map;
};
