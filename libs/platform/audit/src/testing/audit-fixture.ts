import { generateKeyPairSync } from 'node:crypto';
import { Client, Pool } from 'pg';
import { migrateEventStore, PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Ed25519Signer } from '../checkpoints/signing-key';
import {
  ExportVerifier,
  type ExportReport,
  type ExportVerifierOptions,
} from '../export/export-verifier';
import { EVENT_STORE_LEAVES } from '../postgres/leaf-sources';
import { exportEventLog, type ExportOptions } from '../postgres/exporter';
import { migrateAudit } from '../postgres/migrations';
import { TreeFollower, type TreeFollowerOptions } from '../postgres/tree-follower';

/** A database with the event store and the audit schema, a store, a signer and a follower. */
export interface AuditFixture {
  db: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  signer: Ed25519Signer;
  follower: TreeFollower;
  append(streamId: string, count: number, data?: Record<string, string>): Promise<void>;
  exportText(options?: Partial<ExportOptions>): Promise<string[]>;
  /** Runs SQL as someone who can switch the append-only trigger off. */
  tamper(sql: string, values?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export function verifyText(
  lines: readonly string[],
  options: ExportVerifierOptions = {},
): ExportReport {
  const verifier = new ExportVerifier(options);
  for (const line of lines) verifier.line(line);
  return verifier.finish();
}

export async function auditFixture(options: TreeFollowerOptions = {}): Promise<AuditFixture> {
  const db = await createTestDatabase('audit');
  await migrateEventStore(db.url);
  await migrateAudit(db.url);
  const pool = new Pool({ connectionString: db.url, max: 5 });
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 5 });
  const signer = new Ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  const follower = new TreeFollower(pool, EVENT_STORE_LEAVES, signer, {
    checkpointEveryLeaves: 4,
    ...options,
  });
  const versions = new Map<string, number>();
  return {
    db,
    pool,
    store,
    signer,
    follower,
    async append(streamId, count, data = {}) {
      const events: NewEvent[] = Array.from({ length: count }, (_, i) => ({
        type: 'SomethingHappened',
        data: { n: (versions.get(streamId) ?? 0) + i + 1, ...data },
        metadata: {
          actorId: 'tester',
          role: 'admin',
          organisationId: null,
          correlationId: 'c',
          causationId: null,
          occurredAt: '2026-12-01T10:00:00.000Z',
        },
      }));
      const result = await store.append(streamId, events, 'any');
      versions.set(streamId, result.nextExpectedVersion);
    },
    async exportText(overrides = {}) {
      const lines: string[] = [];
      for await (const line of exportEventLog(pool, {
        publicKeyPem: signer.publicKeyPem,
        keyId: signer.keyId,
        ...overrides,
      })) {
        lines.push(JSON.stringify(line));
      }
      return lines;
    },
    async tamper(sql, values = []) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
        await client.query(sql, values);
        await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      } finally {
        await client.end();
      }
    },
    async close() {
      await follower.stop().catch(() => undefined);
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
