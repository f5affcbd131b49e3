import { openDownloaded } from '@/utils/platform';
import type { OrderFile } from '@/api/types';

/** Private files come through the API with the person's token (the interceptor adds it). */
export const downloadFile = (url: string, file: OrderFile) =>
  new Promise<void>((resolve, reject) => {
    uni.showLoading({ title: '下载中' });
    uni.downloadFile({
      url,
      success: (res) => {
        uni.hideLoading();
        if (res.statusCode !== 200) {
          uni.showToast({ title: '下载失败', icon: 'none' });
          return reject(new Error(`HTTP ${res.statusCode}`));
        }
        openDownloaded(res.tempFilePath, file.name, file.mime);
        resolve();
      },
      fail: (err) => {
        uni.hideLoading();
        uni.showToast({ title: '网络不可用，下载失败', icon: 'none' });
        reject(err);
      },
    });
  });
