import { ref } from 'vue';
import { onLoad } from '@dcloudio/uni-app';
import * as applicant from '@/api/orders';
import * as staff from '@/api/staff';
import type { OrderView } from '@/api/types';
import type { Audience } from '@/stores/session';
import { requireAudience } from './useAuth';
import { usePullRefresh } from './usePullRefresh';

/** The endpoints of one order for either audience, so the pages share their components. */
export const orderApi = (audience: Audience) =>
  audience === 'staff'
    ? { view: staff.getTask, act: staff.performStaffAction, upload: staff.uploadStaffFile, fileUrl: staff.staffFileUrl }
    : {
        view: applicant.getOrder,
        act: applicant.performAction,
        upload: applicant.uploadOrderFile,
        fileUrl: applicant.orderFileUrl,
      };

/**
 * An order page (`?number=…`): loads the order's view for its audience, reloads it on pull-down and
 * after every action.
 */
export const useOrderPage = (audience: Audience) => {
  const api = orderApi(audience);
  const order = ref<OrderView | null>(null);
  let number = '';

  const reload = async () => {
    order.value = (await api.view(number)).data;
  };

  onLoad((query) => {
    if (!requireAudience(audience)) return;
    number = String(query?.number ?? '');
    reload();
  });
  usePullRefresh(reload);

  return {
    api,
    order,
    reload,
    fileUrl: (fileId: number) => api.fileUrl(number, fileId),
    send: (kind: string, name: string, path: string, onProgress: (percent: number) => void) =>
      api.upload(number, kind, name, path, onProgress),
  };
};
