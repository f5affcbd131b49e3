import { useEffect, useState } from 'react';
import { listColleagues, listProcesses } from '../../api/orders';
import { getMe, unreadCount, type Me } from '../../api/messages';

export interface Definition {
  key: string;
  name: string;
  spec: any;
}

export interface Colleague {
  id: number;
  name: string;
}

/** What the 工单中心 loads once: the process definitions, the colleagues, the caller and their unread messages. */
export const useLookups = () => {
  const [me, setMe] = useState<Me | null>(null);
  const [unread, setUnread] = useState(0);
  const [defs, setDefs] = useState<Definition[]>([]);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    listProcesses()
      .then(setDefs)
      .catch(() => setDefs([]));
    listColleagues()
      .then(setColleagues)
      .catch(() => setColleagues([]));
    getMe()
      .then(setMe)
      .catch(() => setMe(null));
    unreadCount()
      .then(setUnread)
      .catch(() => setUnread(0));
  }, []);
  /** Whether the caller's admin roles hold one of the workflow's permissions (the pages they open). */
  const can = (permission: string) => !!me?.permissions.includes(permission);
  return { defs, colleagues, unread, can };
};
