import { fileListType } from './attachment.js';

/**
 * Image: uploaded pictures, PNG, JPEG, GIF or WebP only — checked by their magic bytes on
 * upload, never SVG. Options as attachment (`maxFiles`, `maxSize` default 10 MiB, `accept`
 * narrowed to raster types). Value: a list of file refs (jsonb); empty → null.
 */
export const imageType = fileListType('image', { 'zh-CN': '图片', en: 'Image' });
