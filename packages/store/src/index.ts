/**
 * `@trellis/store`: the database of Trellis on PGlite or PostgreSQL, through kysely.
 * See README.md for the file map.
 */
export { openStore, type Store, type StoreOptions, type StoreLogger, type AuditReader } from './store.js';
export { openTestStore, createTestDatabase, testPostgresUrl, DIALECTS } from './test-store.js';
export { StoreErrors, type StoreErrorCode } from './errors.js';
export { openDatabase, type DialectName, type DatabaseConfig, type OpenDatabase } from './dialect/open-database.js';
export { PGliteDialect } from './dialect/pglite-dialect.js';
export { migrateToLatest, STORE_MIGRATIONS, type MigrateResult } from './migrations/migrate.js';
export { SYSTEM_SCHEMA, type SystemDatabase } from './system-tables.js';
export { AppRepository, type AppVersion, type PublishResult } from './apps/app-repository.js';
export { planChanges, type PublishPlan, type ColumnChange, type FieldRef, type CurrentState, type StoredForm, type StoredField } from './apps/publish-plan.js';
export { COLUMN_TYPES } from './apps/column-types.js';
export { appSchemaName } from './identifiers.js';
export {
  RecordRepository,
  type CreateContext,
  type RecordUpdate,
  type DeleteContext,
  type UpdateContext,
  type RowAccess,
  type AttachFiles,
} from './records/record-repository.js';
export { type StoredRecord } from './records/record-shape.js';
export { type RelatedRecords, type RelatedDisplay } from './relations/related-display.js';
export { type MatchPair } from './relations/first-match.js';
export { joinTableName, type JoinTableChange } from './relations/join-tables.js';
export { type FormLinks, type RelationLink, type ComputedColumn } from './relations/relation-layout.js';
export { type ListQuery, type ListResult, MAX_PAGE_SIZE } from './records/list-records.js';
export { type SortSpec, DEFAULT_SORT } from './records/keyset.js';
export { type FormMeta, type FieldColumn, SYSTEM_COLUMN_INFO } from './records/form-catalog.js';
export { DEFAULT_EXACT_COUNT_LIMIT, type TotalCount } from './records/total-count.js';
export { escapeLike } from './records/text-search.js';
export { type AuditEntry, type AuditQuery, type AuditAction, type WriteContext } from './audit/audit-log.js';
export {
  PublicLinkRepository,
  isLive,
  PUBLIC_LINK_TOKEN_BYTES,
  type PublicLink,
  type PublicLinkOptions,
  type ClaimKey,
} from './public-links/public-link-repository.js';
export { type PublicLinksDatabase } from './public-links/public-link-tables.js';
export { RateLimitRepository, type RateLimit, type RateLimitHit } from './rate-limits/rate-limit-repository.js';
export { DraftRepository, type AppDraft, type SaveDraftResult, type FieldWithData, type FormWithData } from './drafts/draft-repository.js';
export { type DraftsDatabase, type AppDraftsTable } from './drafts/draft-tables.js';
export { DEFAULT_TIME_ZONE, type OwnerPolicy, type OwnerChange, type StoreFilledFields, type SerialColumn, type SystemFieldColumn } from './records/store-filled-fields.js';
export { childFieldsWithData } from './child-tables/child-data-hidden.js';
export type { ChildTablePlan, ChildColumnChange, ChildTableRef, ChildColumnRef } from './child-tables/child-table-plan.js';
export { FileRepository, cleanFileName, HEAD_BYTES, UNATTACHED_FILE_TTL_MS, type StoredFile, type FileUpload, type UploadLimits } from './files/file-repository.js';
export { DiskBlobStore, type FileBlobStore } from './files/blob-store.js';
export { type FileField } from './files/file-fields.js';
export { type FilesDatabase, type FilesTable } from './files/file-tables.js';
export { DepartmentRepository, descendantsOf, ancestorsOf, type Department, type DepartmentUpdate, type UserDepartments } from './org/department-repository.js';
export { RoleRepository, seedRoles, type Role, type RoleMember, type RoleUpdate, type HeldRole } from './org/role-repository.js';
export {
  UserRepository,
  DEFAULT_LOCKOUT,
  type StoredUser,
  type UserCredentials,
  type NewUser,
  type UserPatch,
  type LockoutPolicy,
} from './identity/user-repository.js';
export {
  SessionRepository,
  sha256Hex,
  DEFAULT_SESSION_IDLE_MS,
  DEFAULT_SESSION_ABSOLUTE_MS,
  SESSION_TOUCH_MS,
  type NewSession,
  type ResolvedSession,
  type SessionTiming,
} from './identity/session-repository.js';
export { ApiKeyRepository, API_KEY_PREFIX, type ApiKey, type NewApiKey } from './identity/api-key-repository.js';
export { loadActorOrg, orgSelection, orgOfRow, type ActorOrg, type ActorUser } from './identity/actor-org.js';
