import { formatSerial, serialOptions, serialPeriod, type FieldDef } from '@trellis/schema';
import type { AppLocale } from '../i18n/messages.js';

/**
 * The first number a serial field will give today (`HT-20261201-0001`), in the server's
 * default time zone, or undefined for other fields.
 *
 * @example serialPreviewText({ type: 'serial', options: { prefix: 'HT-', digits: 4 } }, new Date()) // 'HT-0001'
 */
export function serialPreviewText(field: Pick<FieldDef, 'type' | 'options'>, now: Date, timeZone = 'Asia/Shanghai'): string | undefined {
  const options = serialOptions(field);
  if (options === undefined) return undefined;
  return formatSerial(options, serialPeriod(options, now, timeZone).datePart, 1);
}

/** Shows the number format of a serial field under its options ("例：HT-20261201-0001"). */
export function SerialPreview({ field, locale }: { field: FieldDef; locale: AppLocale }) {
  const text = serialPreviewText(field, new Date());
  if (text === undefined) return null;
  return (
    <p className="designer-serial-preview" aria-live="polite">
      {locale === 'en' ? 'Example: ' : '示例：'}
      <code>{text}</code>
    </p>
  );
}
