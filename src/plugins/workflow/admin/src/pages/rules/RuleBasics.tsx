import { Flex } from '@strapi/design-system';
import type { BusinessRule } from '../../api/rules';

interface RuleBasicsProps {
  draft: BusinessRule;
  onChange: (draft: BusinessRule) => void;
  mode: string;
  onMode: (mode: string) => void;
}

/** Name, priority, on/off, and whether all conditions or any one must hold. */
export const RuleBasics = ({ draft, onChange, mode, onMode }: RuleBasicsProps) => (
  <Flex gap={2} wrap="wrap">
    <input
      aria-label="规则名称"
      value={draft.name}
      onChange={(e) => onChange({ ...draft, name: e.target.value })}
      style={{ width: 240 }}
    />
    <label>
      优先级{' '}
      <input
        aria-label="优先级"
        type="number"
        value={draft.priority}
        onChange={(e) => onChange({ ...draft, priority: Number(e.target.value) })}
        style={{ width: 60 }}
      />
    </label>
    <label>
      <input
        type="checkbox"
        checked={draft.active}
        onChange={(e) => onChange({ ...draft, active: e.target.checked })}
      />
      启用
    </label>
    <select aria-label="条件组合" value={mode} onChange={(e) => onMode(e.target.value)}>
      <option value="all">满足全部条件</option>
      <option value="any">满足任一条件</option>
    </select>
  </Flex>
);
