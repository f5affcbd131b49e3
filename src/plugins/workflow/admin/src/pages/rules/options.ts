/** What each purpose is called and which event parameters its rules set. */
export const PURPOSES: Record<string, { label: string; type: string; params: Array<{ key: string; label: string }> }> =
  {
    'pre-review': { label: '智能预审', type: 'fail', params: [{ key: 'reason', label: '不通过的原因（告知申请人）' }] },
    category: { label: '类型建议', type: 'category', params: [{ key: 'category', label: '建议的需求类型' }] },
    dispatch: {
      label: '智能派单',
      type: 'dispatch',
      params: [
        { key: 'organization', label: '派往机构代码' },
        { key: 'planType', label: '方案类型' },
      ],
    },
  };
export const OPERATOR_LABELS: Record<string, string> = {
  equal: '等于',
  notEqual: '不等于',
  lessThan: '小于',
  lessThanInclusive: '小于等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于等于',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
  containsAny: '包含任一关键词',
  isBlank: '为空',
  shorterThan: '字数少于',
};
const LIST_OPERATORS = ['in', 'notIn', 'containsAny'];

/** A condition's value as typed: lists for list operators, numbers when they look like numbers, true/false. */
export const parseValue = (operator: string, text: string): unknown => {
  if (LIST_OPERATORS.includes(operator))
    return text
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter(Boolean);
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
};
export const showValue = (value: unknown) => (Array.isArray(value) ? value.join('，') : String(value ?? ''));

/** A save's or a trial's outcome as the editor shows it beside the button. */
export interface Outcome {
  ok: boolean;
  text: string;
}
