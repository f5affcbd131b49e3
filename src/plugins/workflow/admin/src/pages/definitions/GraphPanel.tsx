import { useMemo } from 'react';
import { Typography } from '@strapi/design-system';
import type { Problem } from '../../api/definitions';
import { ProcessGraph } from '../../components/ProcessGraph';
import { errorsByStep, selectedOf, type Selection } from './selection';

interface GraphPanelProps {
  draft: any;
  dirty: boolean;
  problems: Problem[];
  selection: Selection;
  onSelect: (selection: Selection) => void;
}

/** The draft's graph, the steps with problems in red, and how to edit it. */
export const GraphPanel = ({ draft, dirty, problems, selection, onSelect }: GraphPanelProps) => {
  const errors = useMemo(() => errorsByStep(problems), [problems]);
  return (
    <>
      {draft ? (
        <ProcessGraph
          machine={draft.machine}
          errorsByStep={errors}
          selected={selectedOf(selection)}
          onSelectStep={(key) => onSelect({ kind: 'step', key })}
          onSelectEdge={(id) => onSelect({ kind: 'edge', id })}
        />
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        点击步骤编辑名称、时限、角色和通知；点击连线编辑操作、必需附件和通知{dirty ? ' · 有未发布的修改' : ''}
      </Typography>
    </>
  );
};
