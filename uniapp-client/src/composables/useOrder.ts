import { ref } from 'vue';
import * as applicant from '@/api/orders';
import * as staff from '@/api/staff';
import type { OrderView } from '@/api/types';
import type { Audience } from '@/stores/session';

/** The endpoints of one order for either audience, so the pages share their components. */
export const orderApi = (audience: Audience) =>
  audience === 'staff'
    ? { view: staff.getTask, act: staff.performStaffAction, upload: staff.uploadStaffFile, fileUrl: staff.staffFileUrl }
    : { view: applicant.getOrder, act: applicant.performAction, upload: applicant.uploadOrderFile, fileUrl: applicant.orderFileUrl };

/** One order's view, reloaded after every action. */
export const useOrder = (audience: Audience) => {
  const api = orderApi(audience);
  const order = ref<OrderView | null>(null);
  const loading = ref(false);

  const load = async (number: string) => {
    loading.value = true;
    try {
      order.value = (await api.view(number)).data;
    } finally {
      loading.value = false;
    }
  };

  return { api, order, loading, load };
};
