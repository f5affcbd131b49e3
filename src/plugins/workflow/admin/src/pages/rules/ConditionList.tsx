import { Button, Flex } from '@strapi/design-system';
import { OPERATOR_LABELS, parseValue, showValue } from './options';

interface ConditionRowProps {
  condition: any;
  operators: string[];
  onChange: (condition: any) => void;
  onRemove: () => void;
}

/** One condition: fact, operator (the value is read again for the new operator) and value. */
const ConditionRow = ({ condition: c, operators, onChange, onRemove }: ConditionRowProps) => (
  <Flex gap={1} marginTop={2} data-testid="condition">
    <input
      aria-label="事实"
      value={c.fact ?? ''}
      onChange={(e) => onChange({ ...c, fact: e.target.value })}
      style={{ width: 140 }}
    />
    <select
      aria-label="运算符"
      value={c.operator}
      onChange={(e) =>
        onChange({ ...c, operator: e.target.value, value: parseValue(e.target.value, showValue(c.value)) })
      }
    >
      {operators.map((o) => (
        <option key={o} value={o}>
          {OPERATOR_LABELS[o] ?? o}
        </option>
      ))}
    </select>
    <input
      aria-label="值"
      value={showValue(c.value)}
      onChange={(e) => onChange({ ...c, value: parseValue(c.operator, e.target.value) })}
      style={{ width: 260 }}
    />
    <Button size="S" variant="danger-light" onClick={onRemove}>
      删除
    </Button>
  </Flex>
);

interface ConditionListProps {
  rows: any[];
  operators: string[];
  onChange: (rows: any[]) => void;
}

/** The conditions as rows, each changed or removed on its own, and a new keyword condition added. */
export const ConditionList = ({ rows, operators, onChange }: ConditionListProps) => (
  <>
    {rows.map((c, i) => (
      <ConditionRow
        key={i}
        condition={c}
        operators={operators}
        onChange={(next) => onChange(rows.map((x, j) => (j === i ? next : x)))}
        onRemove={() => onChange(rows.filter((_, j) => j !== i))}
      />
    ))}
    <Button
      size="S"
      variant="tertiary"
      marginTop={2}
      onClick={() => onChange([...rows, { fact: 'description', operator: 'containsAny', value: [] }])}
    >
      添加条件
    </Button>
  </>
);
