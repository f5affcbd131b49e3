import { useEffect, useState } from 'react';
import { listDefinitions } from '../../api/definitions';

export interface Process {
  key: string;
  name: string;
  version: number;
}

/** What a draft may name: the job roles (with their labels) and the kinds of files. */
export interface Choices {
  roles: string[];
  roleLabels: Record<string, string>;
  fileKinds: string[];
}

/** Every process (the first one chosen once they are loaded) and the choices the editors offer. */
export const useCatalog = () => {
  const [processes, setProcesses] = useState<Process[]>([]);
  const [choices, setChoices] = useState<Choices>({ roles: [], roleLabels: {}, fileKinds: [] });
  const [key, setKey] = useState('');
  useEffect(() => {
    listDefinitions().then((res) => {
      setProcesses(res.data.map((d) => ({ key: d.key, name: d.name, version: d.version })));
      setChoices(res.meta);
      setKey((k) => k || res.data[0]?.key || '');
    });
  }, []);
  return { processes, choices, key, setKey };
};
