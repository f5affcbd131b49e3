import type { ReactNode } from 'react';
import { Box, Button, Textarea, Typography } from '@strapi/design-system';

export interface NoteOutcome {
  ok: boolean;
  text: string;
}

interface NoteFormProps {
  testId: string;
  title: string;
  /** The note's label, and an example in its placeholder. */
  label: string;
  example: string;
  note: string;
  onNote: (note: string) => void;
  submitLabel: string;
  onSubmit: () => void;
  disabled?: boolean;
  result: NoteOutcome | null;
  /** Fields above the note. */
  children?: ReactNode;
}

/** A staff form of the order page that sends a note (督办, 改派), with the outcome under its button. */
export const NoteForm = (p: NoteFormProps) => (
  <Box marginTop={4} padding={4} background="neutral0" hasRadius shadow="tableShadow" data-testid={p.testId}>
    <Typography variant="delta" tag="h3">
      {p.title}
    </Typography>
    {p.children}
    <Box marginTop={2}>
      <Textarea
        aria-label={p.label}
        placeholder={`${p.label}，如：${p.example}`}
        value={p.note}
        onChange={(e: any) => p.onNote(e.target.value)}
        name={p.testId}
      />
    </Box>
    <Box marginTop={2}>
      <Button onClick={p.onSubmit} disabled={p.disabled}>
        {p.submitLabel}
      </Button>
    </Box>
    {p.result ? (
      <Typography textColor={p.result.ok ? 'success600' : 'danger600'} data-testid={`${p.testId}-result`}>
        {p.result.text}
      </Typography>
    ) : null}
  </Box>
);
