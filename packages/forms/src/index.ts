export { defineFieldType, type FieldTypeDefinition, type FieldTypeGroup } from './field-type.js';
export { FieldTypeRegistry } from './field-type-registry.js';
export { fieldTypes } from './field-types-global.js';
export {
  builtInFieldTypes,
  booleanType,
  dateType,
  datetimeType,
  longTextType,
  multiSelectType,
  numberType,
  singleSelectType,
  textType,
  emailType,
  idNumberType,
  moneyType,
  percentType,
  phoneType,
  ratingType,
  richTextType,
  tagsType,
  timeType,
  urlType,
  attachmentType,
  imageType,
  signatureType,
} from './field-types/index.js';
export {
  fileFieldLimits,
  fileRefSchema,
  cleanFileRefs,
  refAllowed,
  FILE_DEFAULT_MAX_FILES,
  FILE_DEFAULT_MAX_SIZE,
  type FileRef,
  type FileFieldLimits,
} from './field-types/file-refs.js';
export {
  FILE_SIZE_CAP,
  RASTER_IMAGE_TYPES,
  SNIFF_BYTES,
  sniffImageType,
  isRasterImageType,
  acceptAllows,
  fileExtension,
  formatFileSize,
  MIME_TYPE_PATTERN,
  type RasterImageType,
} from './file-content.js';
export { cleanPhone, maskPhone, phoneKind, type PhoneKind } from './china-phone.js';
export { cleanIdNumber, idNumberCheckChar, idNumberInfo, idNumberProblem, maskIdNumber, type IdNumberInfo } from './china-id-number.js';
export { sanitizeHtml, htmlToText, isSafeUrl } from './sanitize-html.js';
export { cleanEmail, isValidEmail } from './field-types/email.js';
export { cleanUrl, isValidUrl } from './field-types/url.js';
export { cleanMoney, CURRENCIES } from './field-types/money.js';
export { cleanPercent } from './field-types/percent.js';
export { cleanTime } from './field-types/time.js';
export { RATING_DEFAULT_MAX } from './field-types/rating.js';
export { TAG_DEFAULT_MAX_LENGTH } from './field-types/tags.js';
export { RICH_TEXT_DEFAULT_MAX_LENGTH } from './field-types/rich-text.js';
export { TEXT_DEFAULT_MAX_LENGTH } from './field-types/text.js';
export { LONG_TEXT_DEFAULT_MAX_LENGTH } from './field-types/long-text.js';
export { choicesOf, choiceLabel, choiceValueFor, choicesOptionSchema, allowsOther, OTHER_MAX_LENGTH } from './field-types/choices.js';
export { compileForm, type CompiledForm, type ProcessOptions } from './compile-form.js';
export { validateApp } from './validate-app.js';
export { varSchemaOf, SYSTEM_COLUMN_TYPES } from './var-schema.js';
export { cleanText, cleanNumber, cleanDate, cleanDateTime, cleanBoolean, isIsoDate, isBlank } from './cleaners.js';
export { unsafePatternReason, MAX_PATTERN_LENGTH } from './safe-pattern.js';
export { issueMessage, messageLocale, DEFAULT_MESSAGE_LOCALE, type MessageLocale } from './messages.js';
export type { FieldIssue, FieldIssueCode } from './field-issue.js';
export { FormsErrors, type FormsErrorCode } from './errors.js';
