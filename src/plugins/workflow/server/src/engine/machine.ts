import {
  createActor,
  createMachine,
  stateIn,
  type AnyActorScope,
  type AnyStateMachine,
  type AnyMachineSnapshot,
  type ExecutableActionObject,
} from 'xstate';
import type { ProcessSpec, StateConfig, StateValue, TransitionConfig } from './spec';
import { asTransitions } from './spec';

/** What guards read: facts about the order gathered before the pure transition runs. */
export type Facts = Record<string, any>;
export type GuardFn = (
  facts: Facts,
  event: { type: string; form?: Record<string, unknown> },
  params?: Record<string, unknown>,
) => boolean;

/** `inState` refers to another region's state by id; XState's own stateIn does exactly that. */
const resolveGuard = (guard: TransitionConfig['guard']) => {
  if (guard && typeof guard === 'object' && guard.type === 'inState') return stateIn(String(guard.params?.state));
  return guard;
};

const mapTransitions = (value: StateConfig['on'][string] | StateConfig['always']) =>
  asTransitions(value as any).map((t) => ({ ...t, guard: resolveGuard(t.guard) }));

const mapState = (config: StateConfig): any => ({
  ...config,
  ...(config.on ? { on: Object.fromEntries(Object.entries(config.on).map(([e, t]) => [e, mapTransitions(t)])) } : {}),
  ...(config.always ? { always: mapTransitions(config.always) } : {}),
  ...(config.states
    ? { states: Object.fromEntries(Object.entries(config.states).map(([k, s]) => [k, mapState(s)])) }
    : {}),
});

/**
 * An XState machine for a definition. Guards are the app's named functions; actions stay names and
 * are never executed by XState: the transition service runs them inside its database transaction.
 */
export const buildMachine = (spec: ProcessSpec, guards: Record<string, GuardFn>): AnyStateMachine => {
  const config = { ...mapState(spec.machine), context: ({ input }: { input: Facts }) => input ?? {} };
  const implementations = Object.fromEntries(
    Object.entries(guards).map(([name, fn]) => [
      name,
      ({ context, event }: any, params: any) => fn(context, event, params),
    ]),
  );
  return createMachine(config).provide({ guards: implementations as any });
};

interface InertScope {
  scope: AnyActorScope;
  /** The actions the last transition chose, collected instead of executed. */
  chosen: ExecutableActionObject[];
}

/**
 * One inert actor scope per machine. XState's `transition()` and `initialTransition()` build a new
 * actor for every call, and the actor works out the machine's initial snapshot while it is built: a
 * third of a transition's statechart time (bench profile), thrown away. The machines here spawn,
 * invoke and delay nothing, so one scope serves every call; a transition is synchronous, so the
 * collected actions cannot mix.
 */
const scopes = new WeakMap<AnyStateMachine, InertScope>();

const inertScope = (machine: AnyStateMachine): InertScope => {
  let held = scopes.get(machine);
  if (!held) {
    const self = createActor(machine);
    const chosen: ExecutableActionObject[] = [];
    const none = () => {};
    const scope: AnyActorScope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: none,
      defer: none,
      emit: none,
      stopChild: none,
      actionExecutor: (action) => chosen.push(action),
    };
    held = { scope, chosen };
    scopes.set(machine, held);
  }
  held.chosen.length = 0;
  return held;
};

/** The snapshot and the actions of a pure step: what XState would do, with nothing executed. */
const taken = (held: InertScope, snapshot: AnyMachineSnapshot): [AnyMachineSnapshot, ExecutableActionObject[]] => [
  snapshot,
  held.chosen.splice(0),
];

export const startSnapshot = (machine: AnyStateMachine, facts: Facts) => {
  const held = inertScope(machine);
  return taken(held, machine.getInitialSnapshot(held.scope, facts));
};

export const restoreSnapshot = (machine: AnyStateMachine, value: StateValue, facts: Facts): AnyMachineSnapshot =>
  machine.resolveState({ value, context: facts } as any);

export const step = (
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: { type: string; [k: string]: unknown },
) => {
  const held = inertScope(machine);
  return taken(held, machine.transition(snapshot, event as any, held.scope));
};
