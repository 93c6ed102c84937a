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
} from './field-types/index.js';
export { TEXT_DEFAULT_MAX_LENGTH } from './field-types/text.js';
export { LONG_TEXT_DEFAULT_MAX_LENGTH } from './field-types/long-text.js';
export { choicesOf, choiceLabel, choiceValueFor, choicesOptionSchema } from './field-types/choices.js';
export { compileForm, type CompiledForm, type ProcessOptions } from './compile-form.js';
export { validateApp } from './validate-app.js';
export { varSchemaOf, SYSTEM_COLUMN_TYPES } from './var-schema.js';
export { cleanText, cleanNumber, cleanDate, cleanDateTime, cleanBoolean, isIsoDate, isBlank } from './cleaners.js';
export { unsafePatternReason, MAX_PATTERN_LENGTH } from './safe-pattern.js';
export { issueMessage, messageLocale, DEFAULT_MESSAGE_LOCALE, type MessageLocale } from './messages.js';
export type { FieldIssue, FieldIssueCode } from './field-issue.js';
export { FormsErrors, type FormsErrorCode } from './errors.js';
