import type { AppPackage } from '@trellis/schema';
import { api } from '../api/api.js';

const seg = encodeURIComponent;

/** What `GET/PUT /api/apps/:app/draft` answer. */
export interface DraftDto {
  readonly app: string;
  readonly revision: number;
  readonly saved: boolean;
  readonly liveVersion: number | null;
  readonly package: AppPackage;
}

/** A column or table change of a publish plan. */
export interface PlanColumn {
  readonly form: string;
  readonly key: string;
  readonly column: string;
}

/** The publish plan as the draft routes return it (the subset the designer shows). */
import type { ChildPlanDto } from './subtable-plan.js';

export interface PlanDto {
  readonly newApp: boolean;
  readonly changed: boolean;
  readonly toVersion: number;
  readonly tablesToCreate: readonly { readonly form: string; readonly table: string }[];
  readonly columnsToAdd: readonly PlanColumn[];
  /** Join tables of new multiple relations (absent from servers before relations). */
  readonly joinTablesToCreate?: readonly { readonly form: string; readonly key: string; readonly target: string }[];
  readonly fieldsHidden: readonly PlanColumn[];
  readonly formsHidden: readonly { readonly form: string; readonly table: string }[];
  readonly fieldsRestored: readonly PlanColumn[];
  readonly keysRenamed: readonly { readonly form: string; readonly from: string; readonly to: string }[];
  readonly definitionsChanged: readonly unknown[];
  /** Child tables of sub-table fields (see subtable-plan.ts). */
  readonly childTables?: ChildPlanDto;
}

/** What would be hidden together with data. */
export interface HiddenDataDto {
  readonly fields: readonly (PlanColumn & { readonly records: number })[];
  readonly forms: readonly { readonly form: string; readonly records: number }[];
}

/** `POST /api/apps/:app/draft/plan`. */
export interface PlanResultDto {
  readonly revision: number;
  readonly version: number;
  readonly plan: PlanDto;
  readonly hidesData: HiddenDataDto;
}

/** `POST /api/apps/:app/publish`. */
export interface PublishResultDto {
  readonly applied: boolean;
  readonly version: number;
}

/** The draft routes, through the web app's API client (errors are `ApiError`s). */
export const designerApi = {
  /** The draft, or the live package at revision 0. */
  getDraft: (app: string): Promise<DraftDto> => api.request('GET', `/api/apps/${seg(app)}/draft`),
  /** Saves the draft over `revision` (409 when stale). */
  saveDraft: (app: string, revision: number, pkg: AppPackage): Promise<DraftDto> => api.request('PUT', `/api/apps/${seg(app)}/draft`, { revision, package: pkg }),
  /** Validates the saved draft and returns its plan (400 with every problem when invalid). */
  plan: (app: string): Promise<PlanResultDto> => api.request('POST', `/api/apps/${seg(app)}/draft/plan`),
  /** Publishes the saved draft. */
  publish: (app: string, revision: number, confirm: boolean): Promise<PublishResultDto> => api.request('POST', `/api/apps/${seg(app)}/publish`, { revision, confirm }),
};
