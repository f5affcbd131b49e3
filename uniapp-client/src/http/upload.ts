import { settle } from './request';
import { ApiError } from './errors';

export interface UploadInput {
  url: string;
  filePath: string;
  /** The file's own name, for H5 where the path is a blob URL without one. */
  fileName?: string;
  formData: Record<string, string>;
  onProgress?: (percent: number) => void;
}

/** One multipart upload with progress; resolves with the reply's `data`. */
export const uploadFile = <T>(input: UploadInput): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const task = uni.uploadFile({
      url: input.url,
      filePath: input.filePath,
      name: 'file',
      formData: input.fileName ? { ...input.formData, name: input.formData.name ?? input.fileName } : input.formData,
      success: (res) => {
        let body: unknown = res.data;
        try {
          body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
        } catch {
          // Not JSON (a proxy's error page): settle reports the status.
        }
        try {
          resolve(settle<{ data: T }>(res.statusCode, body, { silent: true, url: input.url }).data);
        } catch (error) {
          reject(error);
        }
      },
      fail: () => reject(new ApiError('网络不可用，上传失败', 0)),
    });
    task?.onProgressUpdate?.((p) => input.onProgress?.(p.progress));
  });
