import { useEffect, useState } from 'react';
import { getSettings, saveSettings, type Settings } from '../../api/settings';

/** A save's outcome as the page shows it above the form. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** The settings (null until loaded), the events that send SMS, and saving them with the problems field by field. */
export const useSettings = () => {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [message, setMessage] = useState<Outcome | null>(null);
  useEffect(() => {
    getSettings().then((res) => {
      setSettings(res.data);
      setEvents(res.meta.events);
    });
  }, []);
  const save = async () => {
    try {
      setSettings(await saveSettings(settings!));
      setMessage({ ok: true, text: '设置已保存，所有实例在下一轮任务前生效' });
    } catch (error: any) {
      const problems = error?.response?.data?.error?.details?.errors ?? [];
      setMessage({ ok: false, text: problems.map((p: any) => p.message).join('；') || '保存失败' });
    }
  };
  return { settings, setSettings, events, message, save };
};
