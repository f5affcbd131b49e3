import dagre from '@dagrejs/dagre';

/**
 * A process definition as a graph: steps (leaf states) as nodes, the compound states (the contract
 * sub-process and its parallel regions) as boxes around theirs, transitions as edges; laid out by
 * dagre. Pure: the page renders what this returns with React Flow.
 */
export interface StateConfig {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  meta?: Record<string, any>;
  on?: Record<string, any>;
  always?: any;
  states?: Record<string, StateConfig>;
}

export interface GraphNode {
  id: string;
  kind: 'step' | 'group';
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  meta: Record<string, any>;
  final: boolean;
  parallel?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Where the transition is in the definition: the step key and the event. */
  from: string;
  event: string;
  index: number;
  label: string;
  automatic: boolean;
}

const STEP = { width: 180, height: 64 };
const asList = (t: any) =>
  (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? { target: x } : x)).filter(Boolean);

export const buildGraph = (machine: { initial: string; states: Record<string, StateConfig> }) => {
  const states = new Map<string, { config: StateConfig; parent: string | null }>();
  const walk = (children: Record<string, StateConfig>, parent: string | null) => {
    for (const [key, config] of Object.entries(children)) {
      states.set(key, { config, parent });
      if (config.states) walk(config.states, key);
    }
  };
  walk(machine.states, null);
  const byId = new Map([...states].filter(([, s]) => s.config.id).map(([k, s]) => [s.config.id!, k]));
  // An edge into a box goes to the step it starts with.
  const entry = (key: string): string => {
    const s = states.get(key)?.config;
    if (!s?.states) return key;
    return entry(s.type === 'parallel' ? Object.keys(s.states)[0] : (s.initial ?? Object.keys(s.states)[0]));
  };
  const resolve = (target: string) =>
    target.startsWith('#') ? byId.get(target.slice(1)) : states.has(target) ? target : undefined;

  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const [key, s] of states) {
    if (s.config.states) g.setNode(key, { label: key });
    else g.setNode(key, { ...STEP });
    if (s.parent) g.setParent(key, s.parent);
  }
  const edges: GraphEdge[] = [];
  for (const [key, s] of states) {
    const source = entry(key);
    const add = (event: string, list: any[], automatic: boolean) =>
      list.forEach((t, index) => {
        if (!t.target) return;
        const target = resolve(t.target);
        if (!target) return;
        const id = `${key}:${event}:${index}`;
        edges.push({
          id,
          source,
          target: entry(target),
          from: key,
          event,
          index,
          label: t.meta?.label ?? event,
          automatic,
        });
        g.setEdge(source, entry(target), {}, id);
      });
    for (const [event, t] of Object.entries(s.config.on ?? {})) add(event, asList(t), false);
    if (s.config.always) add('always', asList(s.config.always), true);
  }
  dagre.layout(g);

  const nodes: GraphNode[] = [...states].map(([key, s]) => {
    const n = g.node(key) as any;
    return {
      id: key,
      kind: s.config.states ? 'group' : 'step',
      label: s.config.meta?.label ?? key,
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
      meta: s.config.meta ?? {},
      final: s.config.type === 'final',
      parallel: s.config.type === 'parallel',
    };
  });
  return { nodes, edges, initial: entry(machine.initial) };
};

/** The step a validation problem is about: the last state key on its path (machine.states.a.states.b…). */
export const stepOfPath = (path: string[]): string | null => {
  let key: string | null = null;
  for (let i = 0; i < path.length - 1; i += 1) if (path[i] === 'states') key = path[i + 1];
  return key;
};

/** The state config of a step key, wherever it is nested. */
export const findState = (states: Record<string, StateConfig>, key: string): StateConfig | undefined => {
  for (const [k, s] of Object.entries(states)) {
    if (k === key) return s;
    const inner = s.states && findState(s.states, key);
    if (inner) return inner;
  }
  return undefined;
};
