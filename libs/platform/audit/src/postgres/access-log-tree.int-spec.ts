import { generateKeyPairSync } from 'node:crypto';
import { Client, Pool } from 'pg';
import { AccessLog, migratePrivacy, type AccessLogEntry } from '@haven/platform/privacy';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Ed25519Signer } from '../checkpoints/signing-key';
import { ACCESS_LOG_LEAVES } from './access-log-leaves';
import { verifyAccessLog } from './access-log-verification';
import { migrateAudit } from './migrations';
import { TreeFollower } from './tree-follower';
import { TreeStore } from './tree-store';

let db: TestDatabase;
let pool: Pool;
let signer: Ed25519Signer;
let follower: TreeFollower;
let log: AccessLog;

beforeEach(async () => {
  db = await createTestDatabase('access_log_tree');
  await migratePrivacy(db.url);
  await migrateAudit(db.url);
  pool = new Pool({ connectionString: db.url, max: 5 });
  signer = new Ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  follower = new TreeFollower(pool, ACCESS_LOG_LEAVES, signer, { checkpointEveryLeaves: 4 });
  log = new AccessLog(pool);
});

afterEach(async () => {
  await follower.stop().catch(() => undefined);
  await pool.end();
  await db.drop();
});

const read = (recordId: string, actorId = 'officer-1'): AccessLogEntry => ({
  actorId,
  role: 'protection_officer',
  organisationId: null,
  recordType: 'Beneficiary',
  recordId,
  fields: ['name', 'dateOfBirth'],
  purpose: 'case review',
  breakGlass: false,
  requestId: 'request-1',
});

/** As someone who can switch the access log's append-only triggers off. */
async function tamper(sql: string, values: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE privacy.access_log DISABLE TRIGGER USER');
    await client.query('ALTER TABLE privacy.access_log_chain DISABLE TRIGGER USER');
    await client.query(sql, values);
    await client.query('ALTER TABLE privacy.access_log ENABLE TRIGGER USER');
    await client.query('ALTER TABLE privacy.access_log_chain ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/**
 * Catches up until the tree holds `size` entries. The snapshot's xmin is the whole cluster's: a
 * transaction of another test file, in another database, holds the follower back for a moment.
 */
async function catchUpTo(size: number): Promise<void> {
  for (let attempt = 0; attempt < 200 && follower.size < size; attempt++) {
    await follower.catchUp();
    if (follower.size < size) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(follower.size).toBe(size);
}

async function recordReadsAndCheckpoint(): Promise<number[]> {
  await log.record([read('b-1'), read('b-2')]);
  await log.record([read('b-3', 'officer-2')]);
  await log.record([read('b-1'), read('b-4'), read('b-5')]);
  await catchUpTo(6);
  await follower.checkpointIfGrown(); // signed already, unless the entries came in two batches
  const checkpoints = await new TreeStore(pool, 'access_log').checkpoints();
  expect(checkpoints[checkpoints.length - 1].size).toBe(6);
  const { rows } = await pool.query<{ id: string }>(
    'SELECT entry_id AS id FROM privacy.access_log_chain ORDER BY seq',
  );
  return rows.map((row) => Number(row.id));
}

it('given reads in several transactions, the follower chains them, keeps their tree and signs a checkpoint that verifies', async () => {
  const chained = await recordReadsAndCheckpoint();
  expect([...chained].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  const report = await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem });
  expect(report).toEqual({ ok: true, entries: 6, checkpointSize: 6, problems: [] });
});

it('never takes an entry of a transaction still in flight, and takes it, after the others, once it commits', async () => {
  const slow = await pool.connect();
  try {
    await slow.query('BEGIN');
    await log.record([read('late')], slow);
    await log.record([read('b-1')]);
    await log.record([read('b-2')]);
    expect(await follower.catchUp()).toBe(0); // the open transaction is below both: wait
    await slow.query('COMMIT');
  } finally {
    slow.release();
  }
  await catchUpTo(3);
  const { rows } = await pool.query<{ record_id: string }>(
    `SELECT a.record_id FROM privacy.access_log_chain c JOIN privacy.access_log a ON a.id = c.entry_id ORDER BY c.seq`,
  );
  expect(rows.map((row) => row.record_id)).toEqual(['late', 'b-1', 'b-2']);
  expect((await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem })).ok).toBe(true);
});

it('deleting an access-log row after a signed checkpoint fails verification, naming the entry', async () => {
  const chained = await recordReadsAndCheckpoint();
  await tamper('DELETE FROM privacy.access_log WHERE id = $1', [chained[2]]);
  const report = await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem });
  expect(report.ok).toBe(false);
  expect(report.problems).toEqual([
    expect.objectContaining({ reason: 'missing_entry', seq: 3, entryId: chained[2] }),
  ]);
});

it('deleting the row and its link too breaks the chain and the signed root', async () => {
  const chained = await recordReadsAndCheckpoint();
  await tamper('DELETE FROM privacy.access_log WHERE id = $1', [chained[5]]);
  await tamper('DELETE FROM privacy.access_log_chain WHERE entry_id = $1', [chained[5]]);
  const report = await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem });
  expect(report.problems.map((p) => p.reason)).toEqual(['shorter_than_checkpoint']);

  await tamper('DELETE FROM privacy.access_log WHERE id = $1', [chained[1]]);
  await tamper('DELETE FROM privacy.access_log_chain WHERE entry_id = $1', [chained[1]]);
  const again = await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem });
  expect(again.problems.map((p) => p.reason)).toEqual(
    expect.arrayContaining(['missing_link', 'hash_mismatch', 'shorter_than_checkpoint']),
  );
});

it('rewriting an entry after a signed checkpoint fails verification, naming it', async () => {
  const chained = await recordReadsAndCheckpoint();
  await tamper(`UPDATE privacy.access_log SET purpose = 'nothing to see' WHERE id = $1`, [
    chained[0],
  ]);
  const report = await verifyAccessLog(pool, { publicKeyPem: signer.publicKeyPem });
  expect(report.problems[0]).toMatchObject({ reason: 'hash_mismatch', entryId: chained[0] });
});
