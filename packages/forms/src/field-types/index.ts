import type { FieldTypeDefinition } from '../field-type.js';
import { booleanType } from './boolean.js';
import { dateType } from './date.js';
import { datetimeType } from './datetime.js';
import { longTextType } from './long-text.js';
import { multiSelectType } from './multi-select.js';
import { numberType } from './number.js';
import { singleSelectType } from './single-select.js';
import { textType } from './text.js';

export { booleanType, dateType, datetimeType, longTextType, multiSelectType, numberType, singleSelectType, textType };

/** The field types of definition language version 1, in palette order. */
export const builtInFieldTypes: readonly FieldTypeDefinition[] = [
  textType,
  longTextType,
  numberType,
  dateType,
  datetimeType,
  singleSelectType,
  multiSelectType,
  booleanType,
];
