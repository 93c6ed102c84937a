import { builtInFieldTypes } from './field-types/index.js';
import { FieldTypeRegistry } from './field-type-registry.js';

/**
 * The installation's field-type registry, with the built-in types registered at import.
 * Plugins call `fieldTypes.register(defineFieldType({...}))` before any form is compiled.
 *
 * @example
 * validateAppPackage(pkg, fieldTypes);
 */
export const fieldTypes: FieldTypeRegistry = new FieldTypeRegistry(builtInFieldTypes);
