import { Box, Typography } from '@strapi/design-system';
import { EdgeEditor, FormEditor, StepEditor } from '../../components/DefinitionEditor';
import { edgeOf, type Selection } from './selection';
import type { Choices } from './useCatalog';

interface EditorPanelProps {
  draft: any;
  selection: Selection;
  choices: Choices;
  onChange: (mutate: (spec: any) => void) => void;
  onSelect: (selection: Selection) => void;
}

/** The editor of what is selected: a step, an action or the application form. */
export const EditorPanel = ({ draft, selection, choices, onChange, onSelect }: EditorPanelProps) => {
  const edge = edgeOf(selection);
  return (
    <Box padding={3} background="neutral0" hasRadius shadow="tableShadow" width="100%">
      {!draft || !selection ? <Typography textColor="neutral600">选择一个步骤或操作</Typography> : null}
      {draft && selection?.kind === 'step' ? (
        <StepEditor
          spec={draft}
          step={selection.key}
          roles={choices.roles}
          roleLabels={choices.roleLabels}
          onChange={onChange}
          onSelectAction={(id) => onSelect({ kind: 'edge', id })}
        />
      ) : null}
      {draft && edge ? <EdgeEditor spec={draft} edge={edge} kinds={choices.fileKinds} onChange={onChange} /> : null}
      {draft && selection?.kind === 'form' ? <FormEditor spec={draft} onChange={onChange} /> : null}
    </Box>
  );
};
