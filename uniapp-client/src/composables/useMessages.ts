import { ref } from 'vue';
import { onReachBottom, onShow } from '@dcloudio/uni-app';
import { listMessages, markAllMessagesRead, markMessageRead } from '@/api/messages';
import type { Message, MessagePage } from '@/api/types';
import type { Audience } from '@/stores/session';
import { requireAudience } from './useAuth';
import { usePaging } from './usePaging';
import { usePullRefresh } from './usePullRefresh';

/**
 * A message page's list for either audience: loaded on show, pulled down and scrolled; tapping a
 * message marks it read and opens its order. `onUnread` follows the unread count (the tab's badge), `known`
 * is the count shown before the list answers.
 */
export const useMessages = (audience: Audience, onUnread: (count: number) => void = () => undefined, known = 0) => {
  // Until the list answers: what the page already knows (the applicant's tab badge).
  const unread = ref(known);
  const setUnread = (n: number) => {
    unread.value = n;
    onUnread(n);
  };
  const paging = usePaging<Message>(async (params) => {
    const res = (await listMessages(params, audience)) as MessagePage;
    setUnread(res.meta.unread);
    return res;
  });
  onShow(() => {
    if (requireAudience(audience)) paging.refresh();
  });
  usePullRefresh(paging.refresh);
  onReachBottom(() => paging.loadMore());

  const orderPage = audience === 'staff' ? '/pages/staff/order' : '/pages/orders/detail';
  const open = async (m: Message) => {
    if (!m.read) {
      setUnread((await markMessageRead(m.id, audience)).data.unread);
      m.read = true;
    }
    if (m.number) uni.navigateTo({ url: `${orderPage}?number=${m.number}` });
  };
  const readAll = async () => {
    await markAllMessagesRead(audience);
    setUnread(0);
    paging.items.value.forEach((m) => (m.read = true));
  };
  return { unread, paging, open, readAll };
};

export type MessageList = ReturnType<typeof useMessages>;
