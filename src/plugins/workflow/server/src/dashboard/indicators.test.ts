import { describe, expect, it } from 'vitest';
import { indicatorsOf, INDICATORS, type Figures } from './indicators';

const visit = (endedBy: number | null, visits: number, hours: number, measured: number, onTime: number) => ({
  processKey: 'water-resident',
  definitionVersion: 1,
  step: 'review',
  endedBy,
  visits,
  hours,
  measured,
  onTime,
});

const figures = (over: Partial<Figures> = {}): Figures => ({
  applied: {
    created: 10,
    completed: 4,
    returned: 2,
    responded: 5,
    responseHours: 12.5,
    byChannel: [],
    weekly: [],
  },
  completed: { n: 3, hours: 90 },
  visits: [visit(7, 2, 6, 2, 1), visit(8, 1, 1, 1, 1), visit(null, 4, 40, 0, 0)],
  warnings: [
    { processKey: 'water-resident', definitionVersion: 1, step: 'review', level: 1, n: 3 },
    { processKey: 'water-resident', definitionVersion: 1, step: 'survey', level: 3, n: 1 },
    { processKey: 'water-resident', definitionVersion: 1, step: 'survey', level: 4, n: 9 },
  ],
  openAssigned: new Map([
    [1, 5],
    [2, 10],
  ]),
  staff: [
    { id: 1, capacity: 10 },
    { id: 2, capacity: null },
  ],
  overdueNow: 6,
  evaluations: [
    { score: 5, actors: [7] },
    { score: '4', actors: [8] },
  ],
  exceptions: [{}, {}],
  sms: { sent: 3, overage: 1, cost: 0.05 },
  urges: 4,
  ...over,
});

describe('the dashboard indicators', () => {
  it('are the 15 the dashboard shows, one function each', () => {
    expect(Object.keys(INDICATORS)).toEqual([
      'created',
      'completed',
      'completionRate',
      'avgCycleHours',
      'avgHandlingHours',
      'saturation',
      'firstResponseHours',
      'onTimeRate',
      'overdueNow',
      'warnings',
      'returnRejectRate',
      'satisfaction',
      'exceptions',
      'urges',
      'sms',
    ]);
  });

  it('are computed from the figures', () => {
    expect(indicatorsOf(figures())).toEqual({
      created: 10,
      completed: 3,
      completionRate: 0.4,
      avgCycleHours: 30,
      // Staff 7: 6 h over 2 visits; staff 8: 1 h over 1; visits nobody on the staff ended do not count.
      avgHandlingHours: 2,
      // 15 open orders over 10 + 20 (the default capacity).
      saturation: 0.5,
      firstResponseHours: 2.5,
      // Of 3 visits with a threshold, 2 kept it.
      onTimeRate: 0.6667,
      overdueNow: 6,
      // Levels beyond 3 are not counted.
      warnings: { 1: 3, 2: 0, 3: 1 },
      returnRejectRate: 0.2,
      satisfaction: { average: 4.5, count: 2 },
      exceptions: 2,
      urges: 4,
      sms: { sent: 3, overage: 1, cost: 0.05 },
    });
  });

  it('say nothing rather than divide by zero', () => {
    const none = indicatorsOf(
      figures({
        applied: { created: 0, completed: 0, returned: 0, responded: 0, responseHours: 0, byChannel: [], weekly: [] },
        completed: {},
        visits: [],
        staff: [],
        evaluations: [],
      }),
    );
    expect(none).toMatchObject({
      created: 0,
      completed: 0,
      completionRate: null,
      avgCycleHours: null,
      avgHandlingHours: null,
      saturation: null,
      firstResponseHours: null,
      onTimeRate: null,
      returnRejectRate: null,
      satisfaction: { average: null, count: 0 },
    });
  });
});
