import { SchemaErrors } from './errors.js';
import { CURRENT_SCHEMA_VERSION } from './types.js';

/** A JSON object as upgrade steps see it: untyped, because older versions had other shapes. */
export type RawPackage = { readonly [property: string]: unknown };

/**
 * One upgrade step: takes a package of version `from` and returns a new package of
 * version `from + 1`. Steps never mutate their input.
 */
export interface UpgradeStep {
  readonly from: number;
  readonly description: string;
  readonly up: (pkg: RawPackage) => RawPackage;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 0 is the draft format written before packages carried a `schemaVersion`:
 * fields had no stable `id`. The step adds `schemaVersion: 1` and gives every field
 * without an id the id `f_<key>` (unique within its form, as version 1 requires).
 */
const v0ToV1: UpgradeStep = {
  from: 0,
  description: 'adds schemaVersion and a stable id (f_<key>) to every field that has none',
  up(pkg) {
    const forms = Array.isArray(pkg['forms'])
      ? pkg['forms'].map((form: unknown) => {
          if (!isObj(form) || !Array.isArray(form['fields'])) return form;
          const taken = new Set(form['fields'].map((f: unknown) => (isObj(f) ? f['id'] : undefined)).filter((id) => typeof id === 'string'));
          const fields = form['fields'].map((field: unknown) => {
            if (!isObj(field) || field['id'] !== undefined || typeof field['key'] !== 'string') return field;
            let id = `f_${field['key']}`;
            for (let n = 2; taken.has(id); n++) id = `f_${field['key']}_${n}`;
            taken.add(id);
            return { id, ...field };
          });
          return { ...form, fields };
        })
      : pkg['forms'];
    return { ...pkg, schemaVersion: 1, forms };
  },
};

/**
 * The upgrade steps, one per version, applied in order. A change to the definition
 * language that is not backwards compatible bumps `CURRENT_SCHEMA_VERSION` and adds a step here.
 */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [v0ToV1];

/**
 * Brings a package written for an older `schemaVersion` (missing means 0) to the current
 * version by applying each upgrade step in turn. A current package is returned as is; a
 * package from a newer Trellis (or with a nonsensical version) is refused with
 * `SCHEMA_VERSION_UNSUPPORTED`. The result is not validated: pass it to `validateAppPackage`.
 *
 * @example
 * const pkg = assertAppPackage(upgradePackage(JSON.parse(text)), fieldTypes);
 */
export function upgradePackage(input: unknown): unknown {
  if (!isObj(input)) return input; // validation will say what is wrong with it
  const declared = input['schemaVersion'];
  let version: number;
  if (declared === undefined) version = 0;
  else if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 0) version = declared;
  else {
    throw SchemaErrors.create(
      'SCHEMA_VERSION_UNSUPPORTED',
      `[schema] schemaVersion ${JSON.stringify(declared)} is not a version number; use ${CURRENT_SCHEMA_VERSION}`,
      [{ path: '/schemaVersion', message: `must be a whole number from 0 to ${CURRENT_SCHEMA_VERSION}` }],
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw SchemaErrors.create(
      'SCHEMA_VERSION_UNSUPPORTED',
      `[schema] this package was written for schemaVersion ${version}, but this Trellis understands up to ${CURRENT_SCHEMA_VERSION}; upgrade Trellis to import it`,
      [{ path: '/schemaVersion', message: `version ${version} is newer than the supported ${CURRENT_SCHEMA_VERSION}` }],
    );
  }
  let pkg: RawPackage = input;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = UPGRADE_STEPS.find((s) => s.from === version);
    if (step === undefined) throw new Error(`[schema] no upgrade step from schemaVersion ${version}; this is a bug in @trellis/schema`);
    pkg = step.up(pkg);
    version += 1;
  }
  return pkg;
}
