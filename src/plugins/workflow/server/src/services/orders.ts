import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { activeLeaves, hiddenFromApplicant, stepMeta, storedValue } from '../engine/spec';
import type { Actor } from './registry';
import type { LoadedDefinition } from './definitions';
import type { WorkflowConfig } from '../config';
import { getService } from '../utils';
import { uidOf } from '../domain';

/** An order the caller's transaction has just written: its id and the one event it wrote. */
export interface Submitted {
  id: number;
  event: Record<string, unknown>;
  /**
   * The whole order as that transaction wrote it, as `load` reads it, when nothing else wrote with it
   * (no files, no records): its view then reads nothing back and shows the order as of the commit.
   */
  order?: Record<string, any>;
}

const LIST_SELECT = [
  'id',
  'number',
  'formData',
  'stateValue',
  'processKey',
  'definitionVersion',
  'title',
  'category',
  'channel',
  'contactPhone',
  'currentStep',
  'stepEnteredAt',
  'lockVersion',
  'warningLevel',
  'urgeCount',
  'lastUrgedAt',
  'outcome',
  'closedAt',
  'archivedAt',
  'createdAt',
  'paymentDeferred',
  'changedDuringConstruction',
];

export interface InboxQuery {
  process?: string;
  /** One step or several. */
  step?: string | string[];
  category?: string;
  channel?: string;
  assignee?: number;
  overdue?: boolean;
  /** Applied from / before (the period of an archive search). */
  from?: Date;
  to?: Date;
  /** Orders whose current step has reached at least this warning level (1–3). */
  warning?: number;
  q?: string;
  status?: 'open' | 'closed' | 'all';
  /** 我的待办: only the caller's own work (assigned or waiting for their job roles). */
  mine?: boolean;
  /** Only orders urged (催办) in their current step. */
  urged?: boolean;
  /** 已办: the orders the caller acted on, wherever they are now (instead of the caller's scope). */
  handled?: boolean;
  sort?: 'elapsed' | 'applied';
  page: number;
  pageSize: number;
}

/** Read side: list rows and order views, with step labels and elapsed time from the pinned definition. */
const orders = ({ strapi }: { strapi: Core.Strapi }) => {
  const definitionOf = (o: any) => getService('definitions').get(o.processKey, o.definitionVersion);

  const currentElapsed = (def: LoadedDefinition, o: any, now: Date) =>
    getService('elapsed').of(stepMeta(def.nodes, o.currentStep), o.stepEnteredAt, o.closedAt ?? now, !o.outcome);

  const row = async (o: any, now: Date, actor?: Actor) => {
    const def = await definitionOf(o);
    return {
      ...(actor?.kind === 'staff' ? { actions: getService('transitions').actionLabels(def, o, actor) } : {}),
      number: o.number,
      processKey: o.processKey,
      processName: def.spec.name,
      applicantType: def.spec.applicantType,
      title: o.title,
      category: o.category,
      channel: o.channel,
      contactPhone: o.contactPhone,
      // Where field staff go and whom they call.
      contactName: o.formData?.contactName ?? o.formData?.name ?? null,
      address: o.formData?.waterAddress ?? o.formData?.address ?? o.formData?.unitAddress ?? null,
      buildingArea: o.formData?.buildingArea ?? null,
      currentStep: o.currentStep,
      stepLabel: stepMeta(def.nodes, o.currentStep)?.label ?? o.currentStep,
      elapsed: currentElapsed(def, o, now),
      warningLevel: o.outcome ? 0 : (o.warningLevel ?? 0),
      // 催办 in this visit of the step: how often, and when last.
      urged: !o.outcome && o.urgeCount > 0 ? { count: Number(o.urgeCount), lastAt: o.lastUrgedAt } : null,
      assignee: o.assignee ? { id: o.assignee.id, name: o.assignee.name } : null,
      organization: o.organization ? { id: o.organization.id, name: o.organization.name } : null,
      version: o.lockVersion,
      outcome: o.outcome ?? null,
      appliedAt: o.createdAt,
      closedAt: o.closedAt ?? null,
      archived: !!o.archivedAt,
    };
  };

  /**
   * Orders with the names of their assignees and organizations, in the same statement: the names are
   * joined by the ids the order row keeps (primary-key lookups). Strapi's populate joined the link
   * table from the organizations' side (18 ms at 100 k orders), and separate reads by id cost a round
   * trip each.
   */
  const named = async (query: any) => {
    const tables = getService('tables');
    const orderTable = tables.table(UIDS.order);
    const rows = await query
      .leftJoin({ wa: tables.table(UIDS.staff).name }, 'wa.id', `t0.${orderTable.column('assigneeRef')}`)
      .leftJoin({ wo: tables.table(UIDS.organization).name }, 'wo.id', `t0.${orderTable.column('organizationRef')}`)
      .select({
        assigneeId: 'wa.id',
        assigneeName: 'wa.name',
        organizationId: 'wo.id',
        organizationCode: 'wo.code',
        organizationName: 'wo.name',
      });
    return rows.map((r: any) => {
      const { assigneeId, assigneeName, organizationId, organizationCode, organizationName, ...order } =
        orderTable.fromRow(r);
      return {
        ...order,
        assignee: assigneeId ? { id: Number(assigneeId), name: assigneeName } : null,
        organization: organizationId
          ? { id: Number(organizationId), code: organizationCode, name: organizationName }
          : null,
      };
    });
  };

  /** A page of list rows, in one statement with the names they show. */
  const page = (
    filter: Record<string, unknown>,
    orderBy: Array<Record<string, string>>,
    offset: number,
    limit: number,
  ) =>
    named(
      strapi.db
        .queryBuilder(UIDS.order as any)
        .select(LIST_SELECT)
        .where(filter)
        .orderBy(orderBy)
        .offset(offset)
        .limit(limit)
        .getKnexQuery(),
    );

  /** One whole order by number, with its applicant's id and the names its view shows, in one statement. */
  const load = async (number: string) => {
    const orderTable = getService('tables').table(UIDS.order);
    const [o] = await named(
      strapi.db
        .connection({ t0: orderTable.name })
        .select('t0.*')
        .where(`t0.${orderTable.column('number')}`, number)
        .limit(1),
    );
    return o ? { ...o, applicant: o.applicantRef ? { id: Number(o.applicantRef) } : null } : null;
  };

  /** The records an order's steps produced: contract, payments, surveys, progress reports, signatures. */
  const relatedRecords = async (orderId: number) => {
    const byOrder = { where: { order: { id: orderId } }, orderBy: { id: 'asc' } } as const;
    const [contracts, payments, surveys, reports, signatures] = await Promise.all([
      strapi.db.query(uidOf('contract')).findMany({
        ...byOrder,
        select: [
          'contractNo',
          'name',
          'place',
          'partyA',
          'partyB',
          'amount',
          'settlementAmount',
          'counterpartyOutcome',
          'approvals',
          'outcome',
        ],
      }),
      strapi.db.query(uidOf('payment')).findMany({ ...byOrder, select: ['amount', 'paid', 'paidAt', 'receiptNo'] }),
      strapi.db
        .query(uidOf('surveyRecord'))
        .findMany({ ...byOrder, select: ['latitude', 'longitude', 'notes', 'createdAt'] }),
      strapi.db
        .query(uidOf('progressReport'))
        .findMany({ ...byOrder, select: ['text', 'stage', 'exception', 'createdAt'] }),
      strapi.db.query(uidOf('signature')).findMany({ ...byOrder, select: ['action', 'signedAt', 'sha256'] }),
    ]);
    return { contracts, payments, surveys, reports, signatures };
  };

  /**
   * Orders past their step's threshold now, as a query-engine condition per (process, version, step):
   * entered at or before the latest start that is overdue now, in the step's own unit (elapsed.overdueSince).
   */
  const overdueWhere = async (now: Date) => {
    const conditions = [];
    for (const def of await getService('definitions').allStored()) {
      for (const [key] of def.nodes) {
        const since = getService('elapsed').overdueSince(stepMeta(def.nodes, key), now);
        if (since)
          conditions.push({
            processKey: def.key,
            definitionVersion: def.version,
            currentStep: key,
            stepEnteredAt: { $lte: since },
          });
      }
    }
    // Only open orders stand in steps with thresholds (final states have none), so no outcome test:
    // the conditions are ranges of `orders_step_time_idx` alone.
    return { $or: conditions.length ? conditions : [{ id: -1 }] };
  };

  return {
    async list(actor: Actor, query: InboxQuery, now = getService('clock').now()) {
      const filter = await this.filter(actor, query, now);
      const orderBy =
        query.sort === 'elapsed' ? [{ stepEnteredAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }];
      // Counted up to a few pages past this one: an exact count of a large department's orders reads
      // every match, while the rows themselves stop at the page (docs/performance.md).
      const { cap: least, pagesAhead } = (strapi.config.get('plugin::workflow') as WorkflowConfig).listCount;
      const cap = Math.max(least, (query.page + pagesAhead) * query.pageSize);
      // Sorted as the rows are, so that MariaDB counts along the index it reads the rows by: unsorted, it
      // merged two other indexes and read 1,001 rows at random (45 ms at 1 M orders against 11 ms).
      const matches = strapi.db
        .queryBuilder(UIDS.order as any)
        .select('id')
        .where(filter)
        .orderBy(orderBy)
        .limit(cap + 1)
        .getKnexQuery();
      const [results, [{ n }]] = await Promise.all([
        page(filter, orderBy, (query.page - 1) * query.pageSize, query.pageSize),
        strapi.db.connection.count({ n: '*' }).from(matches.as('m')),
      ]);
      const total = Math.min(Number(n), cap);
      const more = Number(n) > cap;
      return {
        data: await Promise.all(results.map((o: any) => row(o, now, actor))),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize) + (more ? 1 : 0),
            ...(more ? { totalAtLeast: true } : {}),
          },
        },
      };
    },

    /** The tab counts of the inbox: my work, what I acted on, everything open I may see, and the overdue. */
    async counts(actor: Actor, now = getService('clock').now()) {
      const base = { page: 1, pageSize: 1, status: 'open' as const };
      const count = async (q: Partial<InboxQuery>) =>
        strapi.db.query(UIDS.order).count({ where: await this.filter(actor, { ...base, ...q }, now) });
      const [mine, handled, all, overdue] = await Promise.all([
        count({ mine: true }),
        count({ handled: true, status: 'all' }),
        count({}),
        count({ overdue: true }),
      ]);
      return { mine, handled, all, overdue };
    },

    overdueWhere,

    /** The query-engine condition for a list query, scoped to the actor. */
    async filter(actor: Actor, query: InboxQuery, now = getService('clock').now()) {
      const scope = getService('scope');
      const where: any[] = [query.handled ? scope.handledWhere(actor) : await scope.where(actor)];
      if (query.mine) where.push(await getService('scope').workWhere(actor));
      if (query.process) where.push({ processKey: query.process });
      if (query.step) where.push({ currentStep: Array.isArray(query.step) ? { $in: query.step } : query.step });
      if (query.category) where.push({ category: query.category });
      if (query.channel) where.push({ channel: query.channel });
      if (query.assignee) where.push({ assigneeRef: query.assignee });
      if (query.status === 'open' || query.status === undefined) where.push({ outcome: { $null: true } });
      if (query.status === 'closed') where.push({ outcome: { $notNull: true } });
      if (query.overdue) where.push(await overdueWhere(now));
      if (query.urged) where.push({ outcome: { $null: true }, urgeCount: { $gt: 0 } });
      if (query.warning) where.push({ outcome: { $null: true }, warningLevel: { $gte: query.warning } });
      if (query.q)
        where.push({
          $or: [
            { number: { $containsi: query.q } },
            { title: { $containsi: query.q } },
            { contactPhone: { $contains: query.q } },
            { creditCode: { $containsi: query.q } },
          ],
        });
      if (query.from) where.push({ createdAt: { $gte: query.from } });
      if (query.to) where.push({ createdAt: { $lt: query.to } });
      return { $and: where };
    },

    /** The whole order as the actor may see it; 404 when it is not theirs to see. */
    async view(actor: Actor, number: string, submitted?: Submitted, now = getService('clock').now()) {
      // An order its caller's transaction just wrote is read from what it wrote.
      const read = submitted?.order ? async () => submitted.order : load;
      const o: any = await getService('scope').loadVisible(actor, number, { read });
      const def = await definitionOf(o);
      // An order just submitted has the one event its transaction wrote and no records of later steps,
      // as long as no event followed (records come with the actions that make them). Files are read
      // when the order was: staff may attach one without an event the moment it shows in their inbox.
      const fresh = submitted?.id === o.id && Number(o.historySeq) === submitted.event.seq ? submitted : null;
      const events = fresh ? [fresh.event] : await getService('history').list(o.id);
      // A visit to a step lasts from the event that entered it to the event that left it.
      const visits = events
        .map((e: any, i: number) => ({ e, i }))
        .filter(({ e }: any) => e.toStep && e.toStep !== e.fromStep);
      const history = events.map((e: any) => {
        const visitIndex = visits.findIndex((v: any) => v.e.id === e.id);
        const nextVisit = visitIndex >= 0 ? visits[visitIndex + 1] : undefined;
        const meta = e.toStep ? stepMeta(def.nodes, e.toStep) : undefined;
        return {
          seq: e.seq,
          at: e.at,
          actor: { kind: e.actorKind, name: e.actorName },
          action: e.action,
          actionLabel: e.actionLabel,
          fromStep: e.fromStep,
          fromStepLabel: e.fromStep ? (stepMeta(def.nodes, e.fromStep)?.label ?? e.fromStep) : null,
          toStep: e.toStep,
          toStepLabel: meta?.label ?? e.toStep,
          comment: e.comment,
          changes: e.changes,
          artifacts: e.artifacts,
          // Time spent in the step this event entered (still running for the current step).
          ...(visitIndex >= 0
            ? {
                elapsed: getService('elapsed').of(
                  meta,
                  e.at,
                  nextVisit ? nextVisit.e.at : (o.closedAt ?? now),
                  !(o.outcome && !nextVisit),
                ),
              }
            : {}),
          hash: e.hash,
        };
      });
      const files = fresh?.order ? {} : await getService('files').listByKind(o.id);
      if (actor.kind === 'applicant') {
        for (const kind of hiddenFromApplicant(def.spec, new Set(events.map((e: any) => e.toStep)))) delete files[kind];
      }
      const related = fresh
        ? { contracts: [], payments: [], surveys: [], reports: [], signatures: [] }
        : await relatedRecords(o.id);
      const actions = o.outcome ? [] : await getService('transitions').availableActions(def, o, actor);
      return {
        ...(await row(o, now)),
        definitionVersion: o.definitionVersion,
        formData: o.formData,
        form: def.spec.form,
        flags: { paymentDeferred: !!o.paymentDeferred, changedDuringConstruction: !!o.changedDuringConstruction },
        activeSteps: activeLeaves(storedValue(o.stateValue)).map((k) => ({
          key: k,
          label: stepMeta(def.nodes, k)?.label ?? k,
        })),
        history,
        files,
        related,
        actions,
        // Whether the 更正申请信息 form is the caller's to use (staff only; checked again on submit).
        mayCorrect: getService('transitions').mayCorrect(def, o, actor),
        // Whether the 督办 form is the caller's to use (checked again on submit).
        maySupervise: !o.outcome && getService('transitions').maySupervise(actor),
        // Whether the 改派 form is the caller's to use.
        mayReassign: !o.outcome && getService('transitions').mayReassign(actor),
      };
    },

    async idOf(actor: Actor, number: string) {
      return (await getService('scope').loadVisible(actor, number, { read: load })).id as number;
    },
  };
};

export default orders;
