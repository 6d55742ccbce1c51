// The PostgreSQL schema, as numbered migrations: each runs once, in a transaction with the version it
// brings, so a schema is never half upgraded. Kept in code rather than .sql files so the build carries
// them. Times are kept as the ISO text the stores hand around, so every store answers alike.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'teams, counts, history, watches, contracts, reminders, marks, API tokens',
    sql: `
      CREATE TABLE teams (
        workspace text NOT NULL,
        channel text NOT NULL,
        name text,
        PRIMARY KEY (workspace, channel)
      );
      CREATE TABLE counts (
        workspace text NOT NULL,
        channel text NOT NULL,
        release text NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (workspace, channel, release)
      );
      CREATE TABLE history (
        id bigserial PRIMARY KEY,
        workspace text NOT NULL,
        channel text NOT NULL,
        release text NOT NULL,
        from_count integer NOT NULL,
        to_count integer NOT NULL,
        changed_by text NOT NULL,
        changed_at text NOT NULL,
        action text NOT NULL CHECK (action IN ('set', 'clear', 'import', 'api')),
        file text
      );
      CREATE INDEX history_by_team ON history (workspace, channel, id);
      CREATE TABLE channels (
        workspace text NOT NULL,
        channel text NOT NULL,
        auto_watch boolean NOT NULL DEFAULT true,
        broken_reason text,
        broken_at text,
        PRIMARY KEY (workspace, channel)
      );
      CREATE TABLE watches (
        workspace text NOT NULL,
        channel text NOT NULL,
        release text NOT NULL,
        leads integer[] NOT NULL,
        created_at text NOT NULL,
        source text NOT NULL CHECK (source IN ('manual', 'auto')),
        PRIMARY KEY (workspace, channel, release)
      );
      CREATE TABLE contracts (
        workspace text NOT NULL,
        channel text NOT NULL,
        release text NOT NULL,
        until text NOT NULL,
        name text NOT NULL,
        set_by text NOT NULL,
        set_at text NOT NULL,
        PRIMARY KEY (workspace, channel, release)
      );
      CREATE TABLE reminders (
        key text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('pending', 'sent')),
        at text NOT NULL,
        ts text,
        late boolean NOT NULL,
        claimed_by text
      );
      CREATE INDEX reminders_by_claim ON reminders (claimed_by) WHERE claimed_by IS NOT NULL;
      CREATE TABLE milestones (
        key text PRIMARY KEY,
        mark jsonb NOT NULL
      );
      CREATE TABLE api_tokens (
        hash text PRIMARY KEY,
        workspace text NOT NULL,
        name text NOT NULL,
        created_by text NOT NULL,
        created_at text NOT NULL,
        last_used_at text,
        UNIQUE (workspace, name)
      );
    `,
  },
  {
    version: 2,
    name: 'daily job runs, so replicas run each day once',
    sql: `
      CREATE TABLE job_runs (
        job text NOT NULL,
        day text NOT NULL,
        run_by text NOT NULL,
        finished_at text NOT NULL,
        PRIMARY KEY (job, day)
      );
    `,
  },
  {
    version: 3,
    name: 'OAuth installations',
    sql: `
      CREATE TABLE installations (
        key text PRIMARY KEY,
        installation jsonb NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'admins and locked channels',
    sql: `
      CREATE TABLE admins (
        workspace text NOT NULL,
        user_id text NOT NULL,
        PRIMARY KEY (workspace, user_id)
      );
      ALTER TABLE channels ADD COLUMN locked boolean NOT NULL DEFAULT false;
    `,
  },
  {
    version: 5,
    name: 'audit log',
    sql: `
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        workspace text NOT NULL,
        at text NOT NULL,
        user_id text NOT NULL,
        via text NOT NULL,
        channel text,
        action text NOT NULL,
        change text NOT NULL,
        releases text[] NOT NULL
      );
      CREATE INDEX audit_by_workspace ON audit (workspace, id);
    `,
  },
  {
    version: 6,
    name: 'who set up each watch',
    sql: `ALTER TABLE watches ADD COLUMN set_by text;`,
  },
  {
    version: 7,
    name: 'request limits shared by replicas (replays, Slack retries, API rate)',
    // The shape rate-limiter-flexible's PostgreSQL store reads and writes (pg-request-limits.ts).
    sql: `
      CREATE TABLE request_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `,
  },
  {
    version: 8,
    name: 'counts kept up to date by connectors',
    sql: `
      ALTER TABLE history DROP CONSTRAINT IF EXISTS history_action_check;
      ALTER TABLE history ADD CONSTRAINT history_action_check
        CHECK (action IN ('set', 'clear', 'import', 'api', 'connector'));
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
