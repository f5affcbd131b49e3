import { reactive } from 'vue';

export interface UploadItem {
  id: number;
  kind: string;
  name: string;
  path: string;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  error: string;
  attempts: number;
}

export type Sender = (
  kind: string,
  name: string,
  path: string,
  onProgress: (percent: number) => void,
) => Promise<unknown>;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads with progress, retried on failure: a bad signal on site should not lose a photo. Each file
 * is tried `attempts` times with a growing pause, then waits for a manual retry. A refusal (4xx: the
 * file is of the wrong type or too large) is not retried.
 */
export const useUpload = (send: Sender, { attempts = 3, backoffMs = 800 } = {}) => {
  const items = reactive<UploadItem[]>([]);
  let nextId = 1;

  const run = async (item: UploadItem) => {
    item.status = 'uploading';
    item.error = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      item.attempts += 1;
      item.progress = 0;
      try {
        await send(item.kind, item.name, item.path, (p) => (item.progress = p));
        item.progress = 100;
        item.status = 'done';
        return true;
      } catch (error: any) {
        item.error = error?.message ?? '上传失败';
        const refused = error?.status >= 400 && error?.status < 500;
        if (refused || attempt === attempts) break;
        await wait(backoffMs * 2 ** (attempt - 1));
      }
    }
    item.status = 'failed';
    return false;
  };

  return {
    items,
    add: (kind: string, name: string, path: string) => {
      items.push({ id: nextId++, kind, name, path, progress: 0, status: 'uploading', error: '', attempts: 0 });
      return run(items[items.length - 1]);
    },
    retry: (item: UploadItem) => run(item),
    remove: (item: UploadItem) => items.splice(items.indexOf(item), 1),
    pending: () => items.filter((i) => i.status !== 'done').length,
  };
};
