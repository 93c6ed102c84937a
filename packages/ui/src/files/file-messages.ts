/** The strings of the file, image and signature widgets, in zh-CN and English (anything not `en` is Chinese). */
const messages = {
  'zh-CN': {
    choose: '选择文件',
    chooseImages: '选择图片',
    drop: '或将文件拖到这里',
    remove: '移除',
    retry: '重试',
    uploading: '正在上传',
    uploadFailed: '上传失败',
    tooLarge: '「{name}」超过了 {limit} 的大小上限',
    wrongType: '「{name}」的类型不允许（允许：{allowed}）',
    notImage: '「{name}」不是 PNG、JPEG、GIF 或 WebP 图片',
    tooMany: '最多上传 {limit} 个文件',
    unavailable: '此处无法上传文件',
    download: '下载',
    signHere: '请在此处签名',
    clear: '清除',
    useSignature: '确认签名',
    resign: '重新签名',
    typeName: '或输入姓名生成签名',
    signed: '已签名',
    signatureAlt: '签名',
    emptySignature: '请先签名或输入姓名',
  },
  en: {
    choose: 'Choose files',
    chooseImages: 'Choose images',
    drop: 'or drop files here',
    remove: 'Remove',
    retry: 'Retry',
    uploading: 'Uploading',
    uploadFailed: 'Upload failed',
    tooLarge: "'{name}' is larger than the limit of {limit}",
    wrongType: "'{name}' is not an allowed type (allowed: {allowed})",
    notImage: "'{name}' is not a PNG, JPEG, GIF or WebP image",
    tooMany: 'At most {limit} files',
    unavailable: 'Files cannot be uploaded here',
    download: 'Download',
    signHere: 'Sign here',
    clear: 'Clear',
    useSignature: 'Use signature',
    resign: 'Sign again',
    typeName: 'or type your name to sign',
    signed: 'Signed',
    signatureAlt: 'Signature',
    emptySignature: 'Sign or type your name first',
  },
} as const;

/** A key of the file widgets' messages. */
export type FileMessageKey = keyof (typeof messages)['en'];

/**
 * A file widget string in `locale`, with `{name}`-style parameters filled in.
 *
 * @example fileText('en', 'tooMany', { limit: 3 }) // 'At most 3 files'
 */
export function fileText(locale: string, key: FileMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const table = locale.toLowerCase().startsWith('en') ? messages.en : messages['zh-CN'];
  return table[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}
