import { useCallback, useEffect, useState } from 'react';
import { getOrder, type OrderView } from '../../api/orders';

const loadError = (e: any) =>
  e?.response?.data?.error?.status === 404 || e?.status === 404 ? '工单不存在或您无权查看' : '工单加载失败';

/** The order as the caller may see it, loaded again on demand, and whether they have just acted on it. */
export const useOrder = (number: string) => {
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const load = useCallback(() => {
    getOrder(number)
      .then((o) => {
        setOrder(o);
        setError(null);
      })
      .catch((e) => setError(loadError(e)));
  }, [number]);
  useEffect(load, [load]);
  // Another order opened from the note (下一条待办) starts fresh.
  useEffect(() => setDone(false), [number]);

  // After an action the order may have moved to someone else's step: say so instead of "not found".
  const afterAction = () => {
    setDone(true);
    getOrder(number)
      .then(setOrder)
      .catch(() => setOrder(null));
  };

  return { order, error, done, load, afterAction };
};
