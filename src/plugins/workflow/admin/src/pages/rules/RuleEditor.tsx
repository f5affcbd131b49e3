import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { BusinessRule } from '../../api/rules';
import { ConditionList } from './ConditionList';
import { EventParams } from './EventParams';
import type { Outcome } from './options';
import { RuleBasics } from './RuleBasics';
import { RuleTrial } from './RuleTrial';
import type { RuleEditorState } from './useRuleEditor';

/** The conditions as JSON: edits the same rule; the rows follow once the text parses. */
const ConditionJson = ({ json, onChange }: { json: string; onChange: (text: string) => void }) => (
  <Box marginTop={3}>
    <Typography variant="sigma">JSON</Typography>
    <textarea
      aria-label="条件JSON"
      value={json}
      rows={8}
      style={{ width: '100%', fontFamily: 'monospace', fontSize: 12 }}
      onChange={(e) => onChange(e.target.value)}
    />
  </Box>
);

/** 保存, and the save's (or the trial's) outcome beside it. */
const SaveBar = ({ onSave, message }: { onSave: () => void; message: Outcome | null }) => (
  <Flex gap={2} marginTop={2}>
    <Button onClick={onSave} data-testid="save-rule">
      保存
    </Button>
    {message ? (
      <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="rule-message">
        {message.text}
      </Typography>
    ) : null}
  </Flex>
);

interface RuleEditorProps {
  editor: RuleEditorState;
  /** The editor's draft, once a rule is picked. */
  draft: BusinessRule;
  operators: string[];
}

/** One rule being edited: basics, conditions (rows and JSON), event parameters, save, and a trial on an order. */
export const RuleEditor = ({ editor, draft, operators }: RuleEditorProps) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" data-testid="rule-editor">
    <RuleBasics draft={draft} onChange={editor.setDraft} mode={editor.mode} onMode={editor.setMode} />
    <ConditionList rows={editor.rows} operators={operators} onChange={editor.setRows} />
    <EventParams draft={draft} onChange={editor.setDraft} />
    <ConditionJson json={editor.json} onChange={editor.changeJson} />
    <SaveBar onSave={editor.save} message={editor.message} />
    <RuleTrial number={editor.number} onNumber={editor.setNumber} onTry={editor.tryOn} preview={editor.preview} />
  </Box>
);
