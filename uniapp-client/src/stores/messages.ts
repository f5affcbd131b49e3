import { defineStore } from 'pinia';
import { listMessages } from '@/api/messages';

/** The tab of the message list in pages.json's tabBar. */
export const MESSAGES_TAB = 2;

/** The applicant's unread count, shown as the badge of the 消息 tab. */
export const useMessagesStore = defineStore('messages', {
  state: () => ({ unread: 0 }),
  actions: {
    set(unread: number) {
      this.unread = unread;
      if (unread > 0)
        uni.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread), fail: () => undefined });
      else uni.removeTabBarBadge({ index: MESSAGES_TAB, fail: () => undefined });
    },
    async refresh() {
      const res = await listMessages({ unread: true, page: 1, pageSize: 1 });
      this.set(res.meta.unread);
    },
  },
});
