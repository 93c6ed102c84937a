import { FieldWidgetRegistry, type FieldWidget } from './field-widget.js';
import { booleanWidget } from './widgets/boolean-widget.js';
import { dateWidget } from './widgets/date-widget.js';
import { descriptionWidget } from './widgets/description-widget.js';
import { dateTimeWidget } from './widgets/datetime-widget.js';
import { longTextWidget } from './widgets/long-text-widget.js';
import { multiSelectWidget } from './widgets/multi-select-widget.js';
import { numberWidget } from './widgets/number-widget.js';
import { singleSelectWidget } from './widgets/single-select-widget.js';
import { textWidget } from './widgets/text-widget.js';
import { emailWidget, idNumberWidget, phoneWidget, urlWidget } from './widgets/contact-widgets.js';
import { moneyWidget, percentWidget } from './widgets/money-widgets.js';
import { ratingWidget } from './widgets/rating-widget.js';
import { richTextWidget } from './widgets/rich-text-widget.js';
import { tagsWidget } from './widgets/tags-widget.js';
import { timeWidget } from './widgets/time-widget.js';
import { catalogWidgets } from './widgets/catalog-widgets.js';
import { subtableWidget } from './widgets/subtable-widget.js';
import { relationWidget } from './widgets/relation-widget.js';
import { lookupWidget, rollupWidget } from './widgets/computed-widgets.js';
import { formulaWidget } from './widgets/formula-widget.js';
import { attachmentWidget, imageWidget, signatureWidget } from './files/file-widgets.js';

/** The widgets of the built-in field types. */
export const builtInWidgets: readonly FieldWidget[] = [
  textWidget,
  longTextWidget,
  numberWidget,
  dateWidget,
  dateTimeWidget,
  singleSelectWidget,
  multiSelectWidget,
  booleanWidget,
  richTextWidget,
  moneyWidget,
  percentWidget,
  ratingWidget,
  timeWidget,
  tagsWidget,
  phoneWidget,
  emailWidget,
  urlWidget,
  idNumberWidget,
  descriptionWidget,
  ...catalogWidgets,
  subtableWidget,
  relationWidget,
  lookupWidget,
  rollupWidget,
  formulaWidget,
  attachmentWidget,
  imageWidget,
  signatureWidget,
];

/**
 * The default widget registry, holding the built-in widgets. Plugins add theirs with
 * `fieldWidgets.register(defineFieldWidget({...}))` before the app renders.
 */
export const fieldWidgets = new FieldWidgetRegistry();
for (const widget of builtInWidgets) fieldWidgets.register(widget);
