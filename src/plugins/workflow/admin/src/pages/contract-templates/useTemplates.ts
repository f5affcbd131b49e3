import { useCallback, useEffect, useState } from 'react';
import { listTemplates, uploadTemplate, type ContractTemplate } from '../../api/contracts';
import { explain } from '../../api/orders';

/** An upload's outcome as the page shows it under the form. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** The uploaded templates (none when they cannot be loaded), loaded again after each upload. */
export const useTemplates = () => {
  const [templates, setTemplates] = useState<ContractTemplate[]>([]);
  const load = useCallback(
    () =>
      listTemplates()
        .then(setTemplates)
        .catch(() => setTemplates([])),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  return { templates, load };
};

/** The upload form: name, business and .docx file; the name and file are cleared once it is uploaded. */
export const useTemplateUpload = (onUploaded: () => void) => {
  const [name, setName] = useState('');
  const [processKey, setProcessKey] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<Outcome | null>(null);
  const upload = async () => {
    if (!file) return setMessage({ ok: false, text: '请选择 .docx 模板文件' });
    try {
      await uploadTemplate(name, processKey, file);
      setMessage({ ok: true, text: '模板已上传' });
      setName('');
      setFile(null);
      onUploaded();
    } catch (error) {
      const e = explain(error);
      setMessage({ ok: false, text: [e.message, ...Object.values(e.fields)].join('：') });
    }
  };
  return { name, setName, processKey, setProcessKey, setFile, message, upload };
};

export type TemplateUpload = ReturnType<typeof useTemplateUpload>;
