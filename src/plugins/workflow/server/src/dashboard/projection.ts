import { RETURN_ACTIONS, RETURN_STEPS } from '../constants';
import { stepMeta } from '../engine/spec';
import type { HistoryProjection } from '../services/history';
import type { OrderWrite } from '../services/order-writes';
import { getService } from '../utils';

/** The step visit an event ends: when it began, its hours, and whether it kept the step's threshold. */
const visitEnded = async (write: OrderWrite) => {
  const { current, event } = write;
  if (!current || !write.entered || !current.stepEnteredAt) return {};
  const definition = await getService('definitions').get(current.processKey, current.definitionVersion);
  const start = new Date(current.stepEnteredAt);
  const measured = getService('elapsed').of(stepMeta(definition.nodes, current.currentStep), start, event.at);
  return {
    visitStartedAt: start,
    visitHours: (event.at.getTime() - start.getTime()) / 3_600_000,
    visitOnTime: measured.thresholdHours !== null ? !measured.overdue : null,
  };
};

const NOT_RESPONSES = ['warn', 'supervise', 'reassign'];

/** What the order's row keeps for the dashboard: its first response, and when it was first returned. */
const orderFacts = (write: OrderWrite) => {
  const { current, event } = write;
  const action = String(event.action);
  const toStep = event.toStep as string | null;
  const patch: Record<string, unknown> = {};
  // The first thing staff did after the application (a leader's 督办 or a reassignment is not an answer).
  if (current && event.actorKind === 'staff' && !NOT_RESPONSES.includes(action) && !current.firstResponseAt)
    patch.firstResponseAt = event.at;
  // 退回/驳回: a return or rejection action, or entering a step that is one.
  const returns = RETURN_ACTIONS.includes(action) || (toStep !== event.fromStep && RETURN_STEPS.includes(toStep ?? ''));
  if (returns && !current?.returned) Object.assign(patch, { returned: true, returnedAt: event.at });
  return patch;
};

/**
 * The dashboard as a projection of the history: registered with the history service, it adds to each
 * change what the dashboard sums (the visit an event ends, the order's first response and first return)
 * and drops the daily sums of a day an event lands in once it was summed. Nothing that writes orders
 * knows the dashboard is there.
 */
export const dashboardProjection = (): HistoryProjection => ({
  async plan(write) {
    return { event: await visitEnded(write), patch: orderFacts(write) };
  },
  async appended(db, event) {
    await getService('rollups').touched(db, event.at);
  },
});

export const registerDashboard = () => getService('history').project(dashboardProjection());
