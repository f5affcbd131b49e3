import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { createOrder, explain, listProcesses, type FormField } from '../../api/orders';

export type Process = { key: string; name: string; spec: { form: { fields: FormField[] } } };
export type Problem = ReturnType<typeof explain>;
export interface Applicant {
  mobile: string;
  name: string;
}

/** The form data as the engine takes it: the filled fields only, areas as numbers. */
const toFormData = (fields: FormField[], values: Record<string, string>) =>
  Object.fromEntries(
    fields
      .filter((f) => values[f.name])
      .map((f) => [f.name, f.type === 'area' ? Number(values[f.name]) : values[f.name]]),
  );

/** The processes (none when they cannot be loaded). */
const useProcesses = () => {
  const [processes, setProcesses] = useState<Process[]>([]);
  useEffect(() => {
    listProcesses()
      .then(setProcesses)
      .catch(() => setProcesses([]));
  }, []);
  return processes;
};

/** The application being entered: business, applicant, the business's form; submitted, it opens the new order. */
export const useWindowEntry = () => {
  const navigate = useNavigate();
  const processes = useProcesses();
  const [processKey, setProcessKey] = useState('water-enterprise');
  const [values, setValues] = useState<Record<string, string>>({});
  const [applicant, setApplicant] = useState<Applicant>({ mobile: '', name: '' });
  const [error, setError] = useState<Problem | null>(null);
  const fields = processes.find((p) => p.key === processKey)?.spec.form.fields ?? [];
  const setValue = (name: string, v: string) => setValues((s) => ({ ...s, [name]: v }));
  const changeApplicant = (patch: Partial<Applicant>) => setApplicant((a) => ({ ...a, ...patch }));

  const submit = async () => {
    setError(null);
    try {
      const order = await createOrder({
        processKey,
        formData: toFormData(fields, values),
        applicantMobile: applicant.mobile || undefined,
        applicantName: applicant.name || undefined,
      });
      navigate(`../${order.number}`, { state: { entered: true } });
    } catch (e) {
      setError(explain(e));
    }
  };
  return { processes, processKey, setProcessKey, fields, values, setValue, applicant, changeApplicant, error, submit };
};
