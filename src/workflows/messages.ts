import type { MessageText } from '../plugins/workflow/server/src/services/registry';

/** What the in-app messages say, per notification template of the definitions. */
const reason = (p: Record<string, any>) => (p.reason ? `原因：${p.reason}` : '');

export const MESSAGES: Record<string, MessageText> = {
  'application-rejected': (p) => ({ title: `报装申请${p.number}未通过审核`, body: reason(p) }),
  'application-returned': (p) => ({ title: `报装申请${p.number}被退回，请修改后重新提交`, body: reason(p) }),
  'plan-ready': (p) => ({
    title: `工单${p.number}的方案已出，请确认`,
    body: '请在工单详情中查看方案，确认并签名，或提出反馈意见。',
  }),
  'budget-ready': (p) => ({
    title: `工单${p.number}的施工图与预算已出，请确认`,
    body: '请在工单详情中下载施工图和预算书，确认或提出不同意见。',
  }),
  'contract-ready': (p) => ({ title: `工单${p.number}的合同已审批完成`, body: '合同已完成内部审批，请等待签订通知。' }),
  'contract-signed': (p) => ({ title: `工单${p.number}的合同已签订`, body: '合同已签订，请按通知缴费。' }),
  'payment-due': (p) => ({
    title: `工单${p.number}请缴纳工程款`,
    body: '请按合同约定缴纳工程款，缴费后施工队将安排施工。',
  }),
  'construction-scheduled': (p) => ({
    title: `工单${p.number}已安排施工`,
    body: '施工队将按派工单到现场施工，请保持电话畅通。',
  }),
  'water-on': (p) => ({ title: `工单${p.number}已通水`, body: '施工完成并已通水，接下来将进行验收。' }),
  'change-ready': (p) => ({
    title: `工单${p.number}有设计变更，请确认`,
    body: '请在工单详情中查看变更后的图纸与预算。',
  }),
  'as-built-ready': (p) => ({ title: `工单${p.number}的竣工图已上传`, body: '可在工单详情中下载竣工图。' }),
  'order-completed': (p) => ({ title: `工单${p.number}已办结`, body: '感谢您的耐心等待。' }),
  'order-terminated': (p) => ({ title: `工单${p.number}已终止`, body: reason(p) }),
  'rating-invited': (p) => ({
    title: `工单${p.number}已验收，请您评价`,
    body: '请为本次服务打分（1–5星）并留下意见。',
  }),
  'pre-review-failed': (p) => ({
    title: `需求${p.number}需要补充资料`,
    body: '智能预审未通过，请按工单详情中的说明补充后重新提交。',
  }),
  'order-urged': (p) => ({ title: `工单${p.number}被申请人催办`, body: p.stepLabel ? `当前环节：${p.stepLabel}` : '' }),
  'task-assigned': (p) => ({ title: `新任务：工单${p.number}“${p.stepLabel ?? ''}”`, body: '请在工单中心办理。' }),
  'task-reassigned': (p) => ({
    title: `工单${p.number}“${p.stepLabel ?? ''}”已改派给您`,
    body: `改派原因：${p.reason ?? ''}`,
  }),
  'task-taken-away': (p) => ({
    title: `工单${p.number}“${p.stepLabel ?? ''}”已改派给${p.to ?? '他人'}`,
    body: `改派原因：${p.reason ?? ''}，您无需再办理。`,
  }),
  'order-supervised': (p) => ({
    title: `工单${p.number}被${p.by ?? '领导'}督办`,
    body: `当前环节：${p.stepLabel ?? ''}。督办意见：${p.reason ?? ''}`,
  }),
  'warning-level-1': (p) => ({
    title: `【一级预警】工单${p.number}“${p.stepLabel}”已用时${p.elapsed}`,
    body: `已达时限（${p.threshold}）的${p.percent}%，请尽快办理。`,
  }),
  'warning-level-2': (p) => ({
    title: `【二级预警】工单${p.number}“${p.stepLabel}”已超时`,
    body: `已用时${p.elapsed}，超过时限${p.threshold}。`,
  }),
  'warning-level-3': (p) =>
    p.exception
      ? { title: `【三级预警】工单${p.number}现场异常`, body: `施工人员上报异常：${p.reason ?? ''}` }
      : {
          title: `【三级预警】工单${p.number}“${p.stepLabel}”严重超时`,
          body: `已用时${p.elapsed}，达到时限${p.threshold}的${p.percent}%。`,
        },
  knowledge: (p) => ({
    title: `“${p.stepLabel}”办理须知`,
    body: (p.articles ?? []).map((a: { title: string }) => `《${a.title}》`).join('、'),
  }),
};
