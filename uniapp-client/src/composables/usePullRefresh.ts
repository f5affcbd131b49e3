import { onPullDownRefresh } from '@dcloudio/uni-app';

/** Pull-to-refresh (enabled per page in pages.json) runs `refresh` and then closes the indicator. */
export const usePullRefresh = (refresh: () => Promise<unknown>) =>
  onPullDownRefresh(async () => {
    try {
      await refresh();
    } finally {
      uni.stopPullDownRefresh();
    }
  });
