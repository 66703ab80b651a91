import { DatabaseError } from './database-error.ts';
import { toNumber, type SqlDatabase } from './sql-database.ts';

/**
 * The schema, one step per version; a step is never edited once released, only followed by
 * another. Written once for SQLite and PostgreSQL (BIGINT has integer affinity in SQLite).
 * Money is whole nano-USD; times are ms since the epoch; a day is `YYYY-MM-DD` (UTC).
 */
const MIGRATIONS: readonly (readonly string[])[] = [
  [
    // One row per UTC day: what is booked and what open reservations hold. Reservations update it in
    // the same transaction, and `UPDATE … WHERE spent + reserved + amount <= cap` is the cap's one check.
    `CREATE TABLE ledger_days (day TEXT PRIMARY KEY, spent_nano BIGINT NOT NULL DEFAULT 0, reserved_nano BIGINT NOT NULL DEFAULT 0)`,
    `CREATE TABLE reservations (
       id TEXT PRIMARY KEY, run_id TEXT NOT NULL, day TEXT NOT NULL, reserved_nano BIGINT NOT NULL,
       booked_nano BIGINT, state TEXT NOT NULL, owner TEXT NOT NULL, created_at BIGINT NOT NULL, closed_at BIGINT)`,
    `CREATE INDEX reservations_open ON reservations (state, owner)`,
    // Each backend process, by the last time it said it was alive: the open reservations of one that
    // stopped saying so are booked as spent (it may have been billed; its figure died with it).
    `CREATE TABLE ledger_owners (owner TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)`,
    `CREATE TABLE cache_entries (key TEXT PRIMARY KEY, payload TEXT NOT NULL, bytes BIGINT NOT NULL, written_at BIGINT NOT NULL)`,
    `CREATE INDEX cache_entries_age ON cache_entries (written_at)`,
  ],
  [
    // Write order for eviction: entries written in the same millisecond tied on written_at, and the
    // tie went by key, so a bound could evict the newest entry instead of the oldest.
    `ALTER TABLE cache_entries ADD COLUMN write_seq BIGINT NOT NULL DEFAULT 0`,
    `UPDATE cache_entries SET write_seq = written_at`,
    `CREATE INDEX cache_entries_order ON cache_entries (write_seq)`,
  ],
  [
    // The dashboard's figures, which lived in memory and were lost at every restart: each
    // extractor's recent outcomes (the newest 1000 are kept), the counts it adds to, and the
    // designers' review decisions themselves (the evidence of which extractor was right).
    `CREATE TABLE metric_outcomes (
       seq BIGINT NOT NULL, extractor TEXT NOT NULL, tier INTEGER NOT NULL, status TEXT NOT NULL,
       duration_ms BIGINT NOT NULL, cost_nano BIGINT NOT NULL, cached INTEGER NOT NULL, at BIGINT NOT NULL)`,
    `CREATE INDEX metric_outcomes_by_extractor ON metric_outcomes (extractor, seq)`,
    `CREATE TABLE metric_counters (name TEXT NOT NULL, extractor TEXT NOT NULL, value BIGINT NOT NULL, PRIMARY KEY (name, extractor))`,
    `CREATE TABLE review_decisions (role TEXT NOT NULL, chosen_hex TEXT NOT NULL, candidates TEXT NOT NULL, decided_at BIGINT NOT NULL)`,
  ],
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
/** Any constant: the PostgreSQL advisory lock that makes two instances starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_245_501;

/** Brings `db` to SCHEMA_VERSION in one transaction; rejects with DatabaseError('NEWER_SCHEMA') for a database a newer Chorus wrote. */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS chorus_schema (version INTEGER NOT NULL)');
    const rows = await tx.query('SELECT version FROM chorus_schema');
    const version = rows.length === 0 ? 0 : toNumber(rows[0]!.version);
    if (version > SCHEMA_VERSION) {
      throw new DatabaseError('NEWER_SCHEMA', `The database at ${db.where} has schema version ${version}, written by a newer Chorus; this one knows up to ${SCHEMA_VERSION}. Run the newer version, or point CHORUS_DATA_DIR / CHORUS_DATABASE_URL elsewhere.`);
    }
    for (const step of MIGRATIONS.slice(version)) for (const statement of step) await tx.query(statement);
    if (rows.length === 0) await tx.query('INSERT INTO chorus_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (version < SCHEMA_VERSION) await tx.query('UPDATE chorus_schema SET version = $1', [SCHEMA_VERSION]);
  });
}
