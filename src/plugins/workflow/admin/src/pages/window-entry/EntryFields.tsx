import { Box, TextInput, Typography } from '@strapi/design-system';
import type { FormField } from '../../api/orders';

/** A field's problem under it, in red. */
const ProblemText = ({ problem }: { problem?: string }) =>
  problem ? (
    <Typography variant="pi" textColor="danger600">
      {problem}
    </Typography>
  ) : null;

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
}

/** A labelled text input with its problem under it. */
export const TextField = ({ id, label, value, onChange, problem }: TextFieldProps) => (
  <Box marginBottom={3}>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={id}>
      {label}
    </Typography>
    <TextInput id={id} name={id} value={value} onChange={(e: any) => onChange(e.target.value)} />
    <ProblemText problem={problem} />
  </Box>
);

type SelectFieldProps = Omit<TextFieldProps, 'id' | 'label'> & { field: FormField };

/** A select field of the form: 请选择 or one of its options. */
const SelectField = ({ field: f, value, onChange, problem }: SelectFieldProps) => (
  <Box marginBottom={3}>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`e-${f.name}`}>
      {f.label}
    </Typography>
    <Box>
      <select id={`e-${f.name}`} value={value} onChange={(e) => onChange(e.target.value)} style={{ height: 36 }}>
        <option value="">请选择</option>
        {(f.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Box>
    <ProblemText problem={problem} />
  </Box>
);

interface FormFieldsProps {
  fields: FormField[];
  values: Record<string, string>;
  onChange: (name: string, v: string) => void;
  problems?: Record<string, string>;
}

/** The business's form fields: selects as selects, everything else as text (required ones marked *). */
export const FormFields = ({ fields, values, onChange, problems }: FormFieldsProps) => (
  <>
    {fields.map((f) =>
      f.type === 'select' ? (
        <SelectField
          key={f.name}
          field={f}
          value={values[f.name] ?? ''}
          onChange={(v) => onChange(f.name, v)}
          problem={problems?.[f.name]}
        />
      ) : (
        <TextField
          key={`e-${f.name}`}
          id={`e-${f.name}`}
          label={`${f.label}${f.required ? ' *' : ''}`}
          value={values[f.name] ?? ''}
          onChange={(v) => onChange(f.name, v)}
          problem={problems?.[f.name]}
        />
      ),
    )}
  </>
);
