import { ref } from 'vue';
import type { ListParams, Page } from '@/api/types';

/** Pages through a list endpoint: refresh from the first page, load more at the bottom. */
export const usePaging = <T>(fetchPage: (params: ListParams) => Promise<Page<T>>, pageSize = 20) => {
  const items = ref<T[]>([]) as { value: T[] };
  const page = ref(0);
  const total = ref(0);
  const loading = ref(false);
  const finished = ref(false);
  let params: ListParams = {};

  const load = async (next: number) => {
    loading.value = true;
    try {
      const res = await fetchPage({ ...params, page: next, pageSize });
      items.value = next === 1 ? res.data : [...items.value, ...res.data];
      page.value = res.meta.pagination.page;
      total.value = res.meta.pagination.total;
      finished.value = page.value >= res.meta.pagination.pageCount;
    } finally {
      loading.value = false;
    }
  };

  return {
    items,
    page,
    total,
    loading,
    finished,
    refresh: (filters: ListParams = params) => {
      params = filters;
      return load(1);
    },
    loadMore: () => (loading.value || finished.value ? Promise.resolve() : load(page.value + 1)),
  };
};
