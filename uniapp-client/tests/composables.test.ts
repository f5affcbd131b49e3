import { describe, expect, it, vi } from 'vitest';
import { useUpload } from '@/composables/useUpload';
import { usePaging } from '@/composables/usePaging';
import { ApiError } from '@/http/errors';

describe('uploads', () => {
  it('retry a failed transfer and report progress until done', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('网络不可用，上传失败', 0))
      .mockImplementationOnce(async (_k: string, _n: string, _p: string, onProgress: (n: number) => void) =>
        onProgress(60),
      );
    const uploads = useUpload(send, { attempts: 3, backoffMs: 1 });
    await expect(uploads.add('site-photo', '现场照片', 'blob:1')).resolves.toBe(true);
    expect(send).toHaveBeenCalledTimes(2);
    expect(uploads.items[0]).toMatchObject({ status: 'done', progress: 100, attempts: 2 });
  });

  it('stop after the last attempt, wait for a manual retry, and never retry a refusal', async () => {
    const send = vi.fn().mockRejectedValue(new ApiError('网络不可用，上传失败', 0));
    const uploads = useUpload(send, { attempts: 2, backoffMs: 1 });
    await expect(uploads.add('site-photo', '现场照片', 'blob:1')).resolves.toBe(false);
    expect(uploads.items[0]).toMatchObject({ status: 'failed', error: '网络不可用，上传失败' });
    expect(uploads.pending()).toBe(1);

    send.mockResolvedValueOnce({ id: 1 });
    await expect(uploads.retry(uploads.items[0])).resolves.toBe(true);
    expect(uploads.pending()).toBe(0);

    const refused = vi.fn().mockRejectedValue(new ApiError('附件格式不符', 400));
    const other = useUpload(refused, { attempts: 3, backoffMs: 1 });
    await other.add('site-photo', 'x.svg', 'blob:2');
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

describe('paging', () => {
  const page = (n: number, pageCount: number) => ({
    data: [`row${n}`],
    meta: { pagination: { page: n, pageSize: 1, total: pageCount, pageCount } },
  });

  it('refresh starts over, load more appends until the last page', async () => {
    const fetch = vi.fn(async (params: any) => page(params.page, 2));
    const paging = usePaging(fetch, 1);
    await paging.refresh({ status: 'all' });
    expect(paging.items.value).toEqual(['row1']);
    await paging.loadMore();
    expect(paging.items.value).toEqual(['row1', 'row2']);
    expect(paging.finished.value).toBe(true);
    await paging.loadMore();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1][0]).toEqual({ status: 'all', page: 2, pageSize: 1 });
    await paging.refresh();
    expect(paging.items.value).toEqual(['row1']);
  });
});
