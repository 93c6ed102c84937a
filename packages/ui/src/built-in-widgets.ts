import { FieldWidgetRegistry, type FieldWidget } from './field-widget.js';
import { booleanWidget } from './widgets/boolean-widget.js';
import { dateWidget } from './widgets/date-widget.js';
import { dateTimeWidget } from './widgets/datetime-widget.js';
import { longTextWidget } from './widgets/long-text-widget.js';
import { multiSelectWidget } from './widgets/multi-select-widget.js';
import { numberWidget } from './widgets/number-widget.js';
import { singleSelectWidget } from './widgets/single-select-widget.js';
import { textWidget } from './widgets/text-widget.js';

/** The widgets of the eight basic field types of definition language version 1. */
export const builtInWidgets: readonly FieldWidget[] = [
  textWidget,
  longTextWidget,
  numberWidget,
  dateWidget,
  dateTimeWidget,
  singleSelectWidget,
  multiSelectWidget,
  booleanWidget,
];

/**
 * The default widget registry, holding the built-in widgets. Plugins add theirs with
 * `fieldWidgets.register(defineFieldWidget({...}))` before the app renders.
 */
export const fieldWidgets = new FieldWidgetRegistry();
for (const widget of builtInWidgets) fieldWidgets.register(widget);
