import type { FieldTypeDefinition } from '../field-type.js';
import { addressType } from './address.js';
import { departmentType, memberType } from './member.js';
import { serialType } from './serial.js';
import { systemFieldTypes } from './system-fields.js';

/** Serial, member, department, address and the system fields, in palette order. */
export const catalogFieldTypes: readonly FieldTypeDefinition[] = [addressType, memberType, departmentType, serialType, ...systemFieldTypes];
