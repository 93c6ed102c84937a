import type { AppDef, AppPackage, LocalizedText } from '@trellis/schema';

/** An app as the home page lists it (from `GET /api/apps`). */
export interface AppSummary {
  readonly key: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly icon?: string;
  readonly color?: string;
  /** Number of forms, when the server says. */
  readonly formCount?: number;
}

/** A record as the API returns it (see docs/architecture.md, "Records on the wire"). */
export interface RecordDto {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy?: string | null;
  readonly updatedBy?: string | null;
  readonly ownerId?: string | null;
  readonly deptId?: string | null;
  readonly deletedAt?: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  /** Display values of the records its relation fields point at (on reads): field → id → `{ title, fields }`. */
  readonly related?: RelatedRecordsDto;
}

/** Display values of related records by relation field key and id. */
export type RelatedRecordsDto = Readonly<Record<string, Readonly<Record<string, { readonly title: string | null; readonly fields: Readonly<Record<string, unknown>> }>>>>;

/** One page of a list: `total` is exact unless `totalExact` is false (a fast estimate on very large forms). */
export interface RecordPage {
  readonly items: readonly RecordDto[];
  readonly total: number;
  readonly totalExact: boolean;
  readonly nextCursor: string | null;
  /** Display values of the records the page's relation fields point at. */
  readonly related?: RelatedRecordsDto;
}

/** The parameters of `GET …/records`. */
export interface ListParams {
  readonly filter?: unknown;
  /** `-field,field` */
  readonly sort?: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly q?: string;
  /** List the recycle bin instead of the live records. */
  readonly deleted?: boolean;
}

export type { AppDef, AppPackage };
