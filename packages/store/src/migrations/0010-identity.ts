import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

const ts = sql`timestamptz(3)`;

/**
 * Creates the identity tables: users, the one-time setup marker, departments (a tree) with
 * managers and members, sessions, API keys, roles of apps and their members. The audit log
 * gains rows that belong to no app (logins, user and role changes): `app` becomes nullable.
 */
export const identityMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('is_admin', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'suspended')`))
      .addColumn('locale', 'text')
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', ts)
      .addColumn('credentials_changed_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await sql`create unique index users_username_idx on ${sql.table(`${SYSTEM_SCHEMA}.users`)} (lower(username))`.execute(db);

    await s
      .createTable('setup')
      .addColumn('step', 'text', (c) => c.primaryKey())
      .addColumn('done_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await s
      .createTable('departments')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('parent_id', 'uuid', (c) => c.references(`${SYSTEM_SCHEMA}.departments.id`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await s.createIndex('departments_parent_idx').on('departments').column('parent_id').execute();

    await s
      .createTable('department_managers')
      .addColumn('dept_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.departments.id`).onDelete('cascade'))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.users.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint('department_managers_pkey', ['dept_id', 'user_id'])
      .execute();
    await s.createIndex('department_managers_user_idx').on('department_managers').column('user_id').execute();

    await s
      .createTable('user_departments')
      .addColumn('user_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.users.id`).onDelete('cascade'))
      .addColumn('dept_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.departments.id`).onDelete('cascade'))
      .addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
      .addPrimaryKeyConstraint('user_departments_pkey', ['user_id', 'dept_id'])
      .execute();
    await s.createIndex('user_departments_dept_idx').on('user_departments').column('dept_id').execute();

    await s
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.users.id`).onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_seen_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await s.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
    await s.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

    await s
      .createTable('api_keys')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.users.id`).onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('apps', 'jsonb')
      .addColumn('actions', 'jsonb')
      .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_used_at', ts)
      .addColumn('expires_at', ts)
      .addColumn('revoked_at', ts)
      .execute();
    await s.createIndex('api_keys_user_idx').on('api_keys').column('user_id').execute();

    await s
      .createTable('roles')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('name', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('design', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('forms', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('created_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('roles_app_key_unique', ['app', 'key'])
      .execute();

    await s
      .createTable('role_members')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('role_id', 'uuid', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.roles.id`).onDelete('cascade'))
      .addColumn('user_id', 'uuid', (c) => c.references(`${SYSTEM_SCHEMA}.users.id`).onDelete('cascade'))
      .addColumn('dept_id', 'uuid', (c) => c.references(`${SYSTEM_SCHEMA}.departments.id`).onDelete('cascade'))
      .addColumn('include_children', 'boolean', (c) => c.notNull().defaultTo(true))
      .addCheckConstraint('role_members_one_kind', sql`(user_id is null) <> (dept_id is null)`)
      .execute();
    await s.createIndex('role_members_user_idx').on('role_members').columns(['role_id', 'user_id']).unique().where(sql.ref('user_id'), 'is not', null).execute();
    await s.createIndex('role_members_dept_idx').on('role_members').columns(['role_id', 'dept_id']).unique().where(sql.ref('dept_id'), 'is not', null).execute();
    await s.createIndex('role_members_by_user_idx').on('role_members').column('user_id').execute();

    await s.alterTable('audit_log').alterColumn('app', (c) => c.dropNotNull()).execute();
    await s.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor', 'id']).execute();
    await s.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s.dropIndex('audit_log_action_idx').execute();
    await s.dropIndex('audit_log_actor_idx').execute();
    for (const table of ['role_members', 'roles', 'api_keys', 'sessions', 'user_departments', 'department_managers', 'departments', 'setup', 'users']) {
      await s.dropTable(table).execute();
    }
  },
};
