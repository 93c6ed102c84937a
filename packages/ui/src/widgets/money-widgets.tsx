import { useMemo } from 'react';
import type { FieldDef } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTypedCell } from '../type-cell-format.js';
import { NumberEditor } from './number-widget.js';

/** The currency sign shown next to a money input (`¥` for CNY). */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const part = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The number editor with a fixed addon (the number editor shows a string `unit` option after the input). */
function withAddon(field: FieldDef, addon: string): FieldDef {
  return { ...field, options: { ...field.options, unit: addon } };
}

/** Money input: the number editor with the currency sign. */
export function MoneyEditor(props: FieldWidgetProps) {
  const currency = typeof props.field.options?.['currency'] === 'string' ? props.field.options['currency'] : 'CNY';
  const field = useMemo(() => withAddon(props.field, currencySymbol(currency, props.locale)), [props.field, currency, props.locale]);
  return <NumberEditor {...props} field={field} />;
}

/** Percent input: the number editor with `%` (the value is the number of percent). */
export function PercentEditor(props: FieldWidgetProps) {
  const field = useMemo(() => withAddon(props.field, '%'), [props.field]);
  return <NumberEditor {...props} field={field} />;
}

/** The built-in widget of the `money` field type. */
export const moneyWidget = defineFieldWidget({ type: 'money', Editor: MoneyEditor, formatCell: formatTypedCell({ align: 'end' }) });
/** The built-in widget of the `percent` field type. */
export const percentWidget = defineFieldWidget({ type: 'percent', Editor: PercentEditor, formatCell: formatTypedCell({ align: 'end' }) });
