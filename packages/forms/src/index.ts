export { defineFieldType, type FieldTypeDefinition, type FieldTypeGroup, type NestedValueContext, type NestedValueResult } from './field-type.js';
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
  descriptionType,
  subtableType,
  relationType,
  lookupType,
  rollupType,
  formulaType,
  attachmentType,
  imageType,
  signatureType,
} from './field-types/index.js';
export { DESCRIPTION_MAX_LENGTH, DESCRIPTION_TONES, type DescriptionTone } from './field-types/description.js';
export { allowedChoiceValues, cascadeOf, CASCADE_PARENT_TYPES, type OptionCascade } from './field-types/cascade.js';
export { checkPrintFieldTypes } from './print-field-checks.js';
export { RELATION_MAX_ITEMS } from './field-types/relation.js';
export { lookupValueType, recordedValueType } from './field-types/lookup.js';
export { ROLLUP_AGGREGATES, rollupAggregate, rollupSource, type RollupAggregate, type RollupSource } from './field-types/rollup.js';
export { fieldByKey, formByKey, isColumnField, isMultipleRelation, relationDisplayFields, relationTargetKey, titleFieldKey } from './field-types/relation-options.js';
export { checkLinkage, linkageOf } from './linkage-check.js';
export { formOnlyPackage, isFormOnlyPackage } from './form-only-package.js';
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
export { SUBTABLE_MAX_COLUMNS } from './field-types/subtable.js';
export { processSubtableRows, subtableColumns, subtableRowForm, SUBTABLE_MAX_ROWS, SUBTABLE_RESERVED_KEYS } from './subtable-rows.js';
export { compileForm, type CompiledForm, type ProcessOptions } from './compile-form.js';
export { visibilityPlan, type VisibilityPlan } from './visibility-plan.js';
export { validateApp } from './validate-app.js';
export { checkRoleScopes, SCOPE_USER_PROPERTIES } from './role-scope-checks.js';
export { varSchemaOf, SYSTEM_COLUMN_TYPES } from './var-schema.js';
export { cleanText, cleanNumber, cleanDate, cleanDateTime, cleanBoolean, isIsoDate, isBlank } from './cleaners.js';
export { unsafePatternReason, MAX_PATTERN_LENGTH } from './safe-pattern.js';
export { issueMessage, messageLocale, DEFAULT_MESSAGE_LOCALE, type MessageLocale } from './messages.js';
export type { FieldIssue, FieldIssueCode } from './field-issue.js';
export { FormsErrors, type FormsErrorCode } from './errors.js';
export { addressType, cleanAddress, addressProblem, formatAddress, addressLevel, addressHasDetail, ADDRESS_DETAIL_MAX_LENGTH, type AddressValue } from './field-types/address.js';
export { memberType, departmentType, isMultiple } from './field-types/member.js';
export { serialType, SERIAL_MAX_LENGTH } from './field-types/serial.js';
export { createdByType, createdAtType, updatedByType, updatedAtType, ownerType, systemFieldTypes } from './field-types/system-fields.js';
export { cleanUuid, cleanUuidList, isUuidText } from './field-types/uuid-values.js';
export { divisionByCode, divisionsUnder, findDivision, isPlaceholderCity, provinces, type Division, type DivisionLevel } from './china-divisions/china-divisions.js';
export { DIVISIONS_SOURCE } from './china-divisions/divisions-data.js';
export { formulaVarsOf, formulaProblems, analyseFormulas, FORMULA_RESULT_TYPES, type FormulaResultType, type FormulaAnalysis, type FormFormula } from './formula-fields.js';
