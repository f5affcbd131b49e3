import { useCallback, useEffect, useState } from 'react';
import { listRules, type BusinessRule } from '../../api/rules';

/** Every rule and the operators a condition may use, loaded again after each save. */
export const useRules = () => {
  const [rules, setRules] = useState<BusinessRule[]>([]);
  const [operators, setOperators] = useState<string[]>([]);
  const load = useCallback(
    () =>
      listRules().then((res) => {
        setRules(res.data);
        setOperators(res.meta.operators);
      }),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  return { rules, operators, load };
};
