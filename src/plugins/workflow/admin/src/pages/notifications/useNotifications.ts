import { useCallback, useEffect, useState } from 'react';
import { getSmsUsage, listDeadLetters, retryNotification, type DeadLetter, type SmsUsage } from '../../api/messages';

/** The SMS usage (null until loaded) and the notifications that failed; retrying one loads both again. */
export const useNotifications = () => {
  const [usage, setUsage] = useState<SmsUsage | null>(null);
  const [dead, setDead] = useState<DeadLetter[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([getSmsUsage(), listDeadLetters(1)])
      .then(([u, d]) => {
        setUsage(u);
        setDead(d.data);
      })
      .catch((e) => setError(e?.response?.status === 403 ? '只有管理员可以查看此页' : '加载失败，请刷新重试'));
  }, []);
  useEffect(load, [load]);

  const retry = async (id: number) => {
    await retryNotification(id);
    load();
  };
  return { usage, dead, error, retry };
};
