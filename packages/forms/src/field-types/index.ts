import type { FieldTypeDefinition } from '../field-type.js';
import { booleanType } from './boolean.js';
import { dateType } from './date.js';
import { descriptionType } from './description.js';
import { datetimeType } from './datetime.js';
import { longTextType } from './long-text.js';
import { multiSelectType } from './multi-select.js';
import { numberType } from './number.js';
import { singleSelectType } from './single-select.js';
import { textType } from './text.js';
import { emailType } from './email.js';
import { idNumberType } from './id-number.js';
import { moneyType } from './money.js';
import { percentType } from './percent.js';
import { phoneType } from './phone.js';
import { ratingType } from './rating.js';
import { richTextType } from './rich-text.js';
import { tagsType } from './tags.js';
import { timeType } from './time.js';
import { urlType } from './url.js';
import { catalogFieldTypes } from './catalog-types.js';
import { subtableType } from './subtable.js';
import { relationType } from './relation.js';
import { lookupType } from './lookup.js';
import { rollupType } from './rollup.js';
import { formulaType } from './formula.js';

export { booleanType, dateType, datetimeType, longTextType, multiSelectType, numberType, singleSelectType, textType };
export { descriptionType };
export { relationType, lookupType, rollupType };
import { attachmentType } from './attachment.js';
import { imageType } from './image.js';
import { signatureType } from './signature.js';
export { attachmentType, imageType, signatureType };
export { emailType, idNumberType, moneyType, percentType, phoneType, ratingType, richTextType, tagsType, timeType, urlType };
export { subtableType };
export { formulaType };

/** The built-in field types, in palette order. */
export const builtInFieldTypes: readonly FieldTypeDefinition[] = [
  textType,
  longTextType,
  numberType,
  dateType,
  datetimeType,
  singleSelectType,
  multiSelectType,
  booleanType,
  richTextType,
  moneyType,
  percentType,
  ratingType,
  timeType,
  tagsType,
  phoneType,
  emailType,
  urlType,
  idNumberType,
  descriptionType,
  ...catalogFieldTypes,
  subtableType,
  relationType,
  lookupType,
  rollupType,
  formulaType,
  attachmentType,
  imageType,
  signatureType,
];
