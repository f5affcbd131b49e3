import { Link } from 'react-router-dom';
import { Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { RuleEditor } from './rules/RuleEditor';
import { RuleList } from './rules/RuleList';
import { useRuleEditor } from './rules/useRuleEditor';
import { useRules } from './rules/useRules';

/** 业务规则: the rules as structured conditions with a JSON view, saved only when they can run, tried on an order. */
export const RulesPage = () => {
  const { rules, operators, load } = useRules();
  const editor = useRuleEditor(rules, load);
  const { draft } = editor;
  return (
    <Layouts.Root>
      <Layouts.Header
        title="业务规则"
        subtitle="智能预审、类型建议和智能派单的条件；保存前检查，可在工单上试运行"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <RuleList rules={rules} selectedId={draft?.id} onPick={editor.edit} />
          </Grid.Item>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            {draft ? (
              <RuleEditor editor={editor} draft={draft} operators={operators} />
            ) : (
              <Typography textColor="neutral600">选择左侧的一条规则</Typography>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
