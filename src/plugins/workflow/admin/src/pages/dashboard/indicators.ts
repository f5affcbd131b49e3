import type { Dashboard } from '../../api/metrics';
import { hours, percent } from './format';

export interface Indicator {
  key: string;
  label: string;
  /** How it is counted (shown on hover). */
  help: string;
  value: (d: Dashboard['indicators']) => string;
}

/** The 15 indicators, each with how it is counted (shown on hover). */
export const INDICATORS: Indicator[] = [
  { key: 'created', label: '新建工单', help: '期间内提交（含窗口受理）的工单数', value: (d) => String(d.created) },
  { key: 'completed', label: '办结工单', help: '期间内办结（已完成）的工单数', value: (d) => String(d.completed) },
  {
    key: 'completionRate',
    label: '办结率',
    help: '期间内新建的工单中，至今已办结的比例',
    value: (d) => percent(d.completionRate),
  },
  {
    key: 'avgCycleHours',
    label: '平均办理周期',
    help: '期间内办结的工单，从申请到办结的平均时长',
    value: (d) => hours(d.avgCycleHours),
  },
  {
    key: 'avgHandlingHours',
    label: '人均处理时效',
    help: '期间内员工办理的环节，从进入环节到员工办理完成的平均时长，先按人平均再取平均',
    value: (d) => hours(d.avgHandlingHours),
  },
  {
    key: 'saturation',
    label: '工单饱和度',
    help: '在办工单（已指派）总数 ÷ 员工可承载量之和',
    value: (d) => percent(d.saturation),
  },
  {
    key: 'firstResponseHours',
    label: '首次响应时间',
    help: '期间内新建的工单，从申请到员工第一次办理的平均时长',
    value: (d) => hours(d.firstResponseHours),
  },
  {
    key: 'onTimeRate',
    label: '环节按时率',
    help: '期间内结束的环节中，在时限内（按环节的计时方式）完成的比例',
    value: (d) => percent(d.onTimeRate),
  },
  {
    key: 'overdueNow',
    label: '当前超期',
    help: '现在已超过当前环节时限的在办工单数',
    value: (d) => String(d.overdueNow),
  },
  {
    key: 'warnings',
    label: '预警（一/二/三级）',
    help: '期间内触发的预警次数：一级80%、二级100%、三级200%或现场异常',
    value: (d) => `${d.warnings[1]} / ${d.warnings[2]} / ${d.warnings[3]}`,
  },
  {
    key: 'returnRejectRate',
    label: '退回/驳回率',
    help: '期间内新建的工单中，被退回或驳回过的比例',
    value: (d) => percent(d.returnRejectRate),
  },
  {
    key: 'satisfaction',
    label: '满意度',
    help: '期间内评价的平均分（1–5星）与评价数',
    value: (d) => (d.satisfaction.average === null ? '—' : `${d.satisfaction.average}分（${d.satisfaction.count}条）`),
  },
  { key: 'exceptions', label: '异常上报', help: '期间内施工人员上报的现场异常数', value: (d) => String(d.exceptions) },
  { key: 'urges', label: '催办', help: '期间内申请人催办的次数', value: (d) => `${d.urges}次` },
  {
    key: 'sms',
    label: '短信与费用',
    help: '期间内发送的短信条数，及超出套餐部分的费用（0.05元/条）',
    value: (d) => `${d.sms.sent}条 · ¥${d.sms.cost.toFixed(2)}`,
  },
];
