/**
 * What differs between the mini-program and the H5 page, in one place (conditional compilation).
 */

/** Which build this is; conditional compilation keeps one of the two answers. */
const build = () => {
  // #ifdef MP-WEIXIN
  return { miniProgram: true, channel: 'mini-program' } as const;
  // #endif
  // #ifndef MP-WEIXIN
  return { miniProgram: false, channel: 'official-account' } as const;
  // #endif
};

export const IS_MINI_PROGRAM = build().miniProgram;
/** The order's channel as the server records it. */
export const CHANNEL = build().channel;

/** A canvas export as a data URL: H5 gives one already; the mini-program gives a temp file. */
export const toDataUrl = (tempFilePath: string): string => {
  if (tempFilePath.startsWith('data:')) return tempFilePath;
  // #ifdef MP-WEIXIN
  const base64 = uni.getFileSystemManager().readFileSync(tempFilePath, 'base64') as string;
  return `data:image/png;base64,${base64}`;
  // #endif
  // #ifndef MP-WEIXIN
  return tempFilePath;
  // #endif
};

/** Hands a downloaded file to the person: the browser saves it; the mini-program opens it. */
export const openDownloaded = (tempFilePath: string, name: string, mime: string) => {
  // #ifdef H5
  const link = document.createElement('a');
  link.href = tempFilePath;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // #endif
  // #ifdef MP-WEIXIN
  if (mime.startsWith('image/')) uni.previewImage({ urls: [tempFilePath] });
  else uni.openDocument({ filePath: tempFilePath, showMenu: true });
  // #endif
};

export interface PickedFile {
  path: string;
  name: string;
}

/** Documents and audio: the mini-program picks from a chat; the page opens the file dialog. */
export const chooseDocument = (extensions: string[]): Promise<PickedFile[]> =>
  new Promise((resolve, reject) => {
    // #ifdef MP-WEIXIN
    uni.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: extensions.map((e) => e.replace(/^\./, '')),
      success: (res) => resolve(res.tempFiles.map((f: any) => ({ path: f.path, name: f.name }))),
      fail: reject,
    });
    // #endif
    // #ifndef MP-WEIXIN
    uni.chooseFile({
      count: 1,
      extension: extensions,
      success: (res) =>
        resolve(
          (res.tempFiles as any[]).map((f: any, i: number) => ({
            path: (res.tempFilePaths as string[])[i],
            name: f.name,
          })),
        ),
      fail: reject,
    });
    // #endif
  });

/** Voice notes: the mini-program records; the page has no recorder API, so it takes an audio file. */
export const CAN_RECORD = IS_MINI_PROGRAM;

/**
 * Asks the mini-program user to accept the subscribe messages that will tell them of their order's
 * progress (WeChat allows three templates per request). Refusing is fine; the page has none.
 */
export const askSubscriptions = (templateIds: string[]): Promise<void> =>
  new Promise((resolve) => {
    // #ifdef MP-WEIXIN
    if (!templateIds.length) return resolve();
    uni.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 3), complete: () => resolve() } as any);
    // #endif
    // #ifndef MP-WEIXIN
    resolve();
    // #endif
  });
