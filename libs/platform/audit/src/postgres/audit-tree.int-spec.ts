import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { chainHash, contentDigest } from '@haven/platform/event-store';
import { TreeFollower } from './tree-follower';
import { EVENT_STORE_LEAVES } from './leaf-sources';
import {
  leafHash,
  MemoryTree,
  rootAt,
  verifyConsistency,
  verifyInclusion,
  inclusionProof,
  consistencyProof,
} from '../merkle';
import { checkpointHash, NO_PREVIOUS_CHECKPOINT } from '../checkpoints/checkpoint';
import { verifyCheckpointSignature, parsePublicKey } from '../checkpoints/signing-key';
import { auditFixture, verifyText, type AuditFixture } from '../testing/audit-fixture';
import { LOWEST_STORED_LEVEL, TreeStore } from './tree-store';
import { verifyEventLog } from './log-verification';

describe('the Merkle tree follower and its checkpoints (PostgreSQL)', () => {
  let f: AuditFixture;
  beforeEach(async () => {
    f = await auditFixture({ checkpointEveryLeaves: 4 });
  });
  afterEach(() => f.close());

  it('given events in several streams, the tree holds their stored hashes in global order and signs a chained checkpoint every N leaves', async () => {
    await f.append('case-a', 3);
    await f.append('case-b', 2);
    await f.append('case-a', 4);
    expect(await f.follower.catchUp()).toBe(9);
    const { rows } = await f.pool.query<{ hash: Buffer }>(
      'SELECT hash FROM event_store.events ORDER BY global_position',
    );
    const reference = new MemoryTree(rows.map((r) => leafHash(r.hash)));
    const store = new TreeStore(f.pool, 'event_store');
    const checkpoints = await store.checkpoints();
    // One batch of 9 leaves: a checkpoint at its end (9 ≥ 4), then one more at stop.
    expect(checkpoints.map((c) => c.size)).toEqual([9]);
    await f.append('case-c', 1);
    await f.follower.catchUp();
    expect(await f.follower.checkpointIfGrown()).not.toBeNull();
    expect(await f.follower.checkpointIfGrown()).toBeNull(); // nothing new: nothing signed
    const all = await store.checkpoints();
    expect(all.map((c) => c.size)).toEqual([9, 10]);
    expect(all[0].previous).toBe(NO_PREVIOUS_CHECKPOINT);
    expect(all[1].previous).toBe(checkpointHash(all[0]));
    const key = parsePublicKey(f.signer.publicKeyPem)!;
    for (const c of all) expect(verifyCheckpointSignature(c, key)).toBe(true);
    const { rows: all10 } = await f.pool.query<{ hash: Buffer }>(
      'SELECT hash FROM event_store.events ORDER BY global_position',
    );
    reference.append(leafHash(all10[9].hash));
    expect(all[0].root).toBe(rootAt(9, reference).toString('hex'));
    expect(all[1].root).toBe(rootAt(10, reference).toString('hex'));

    // Proofs served from the stored tree verify against the checkpoints.
    const proof = await store.withNodes((source) => inclusionProof(4, 10, source));
    expect(
      verifyInclusion(4, 10, leafHash(all10[4].hash), proof, Buffer.from(all[1].root, 'hex')),
    ).toBe(true);
    const consistency = await store.withNodes((source) => consistencyProof(9, 10, source));
    expect(
      verifyConsistency(
        9,
        10,
        Buffer.from(all[0].root, 'hex'),
        Buffer.from(all[1].root, 'hex'),
        consistency,
      ),
    ).toBe(true);
  });

  it('stores no inner node below the lowest stored level, yet serves every proof as the whole tree would, across restarts', async () => {
    // Batches of odd sizes, each by a new follower: frontiers reloaded from the store at sizes
    // whose low-level subtrees exist only as leaves.
    for (const count of [5, 11, 7, 30, 17]) {
      await f.append(`case-${count}`, count);
      const follower = new TreeFollower(f.pool, EVENT_STORE_LEAVES, f.signer);
      await follower.catchUp();
      await follower.stop();
    }
    const { rows } = await f.pool.query<{ hash: Buffer }>(
      'SELECT hash FROM event_store.events ORDER BY global_position',
    );
    expect(rows).toHaveLength(70);
    const reference = new MemoryTree(rows.map((r) => leafHash(r.hash)));
    const { rows: levels } = await f.pool.query<{ level: number }>(
      'SELECT DISTINCT level FROM audit.tree_nodes ORDER BY level',
    );
    // 70 leaves: subtrees of 16, 32 and 64 are stored, none smaller.
    expect(levels.map((l) => l.level)).toEqual([4, 5, 6]);
    expect(LOWEST_STORED_LEVEL).toBe(4);
    const store = new TreeStore(f.pool, 'event_store');
    for (const size of [1, 16, 23, 64, 70]) {
      for (let index = 0; index < size; index += 3) {
        expect(await store.withNodes((source) => inclusionProof(index, size, source))).toEqual(
          inclusionProof(index, size, reference),
        );
      }
      for (const first of [1, 5, 16, 17, size]) {
        if (first > size) continue;
        expect(await store.withNodes((source) => consistencyProof(first, size, source))).toEqual(
          consistencyProof(first, size, reference),
        );
      }
    }
    const checkpoints = await store.checkpoints();
    expect(checkpoints.map((c) => c.size)).toEqual([5, 16, 23, 53, 70]);
    for (const c of checkpoints) expect(c.root).toBe(rootAt(c.size, reference).toString('hex'));
  });

  it('given a follower that restarts, it resumes where it stopped and signs at shutdown', async () => {
    f.follower.start();
    await f.append('case-a', 2);
    for (let i = 0; i < 100 && f.follower.size < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    const atStop = await f.follower.stop();
    expect(atStop?.size).toBe(2);
    await f.append('case-a', 3);
    const again = new TreeFollower(f.pool, EVENT_STORE_LEAVES, f.signer, {
      checkpointEveryLeaves: 100,
    });
    await again.catchUp();
    const last = await again.stop();
    expect(last?.size).toBe(5);
    expect(last?.previous).toBe(checkpointHash(atStop!));
  });

  it('an export verifies offline; with a checkpoint the auditor kept; and a range from the middle of streams', async () => {
    await f.append('case-a', 3);
    await f.append('case-b', 2);
    await f.follower.catchUp();
    const kept = (await new TreeStore(f.pool, 'event_store').latestCheckpoint())!;
    await f.append('case-a', 2);
    await f.append('case-c', 3);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
    const lines = await f.exportText();
    const report = verifyText(lines, {
      publicKeyPem: f.signer.publicKeyPem,
      trustedCheckpoint: kept,
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, events: 10, checkpoints: 2 });
    const { rows } = await f.pool.query<{ p: string }>(
      'SELECT global_position AS p FROM event_store.events ORDER BY 1',
    );
    const range = await f.exportText({
      fromPosition: Number(rows[4].p),
      toPosition: Number(rows[7].p),
    });
    expect(range.filter((l) => l.includes('"kind":"anchor"')).length).toBeGreaterThan(0);
    const rangeReport = verifyText(range, {
      publicKeyPem: f.signer.publicKeyPem,
      trustedCheckpoint: kept,
    });
    expect(rangeReport.problems).toEqual([]);
    expect(rangeReport.events).toBe(4);
  });

  describe('given a tampered export', () => {
    let lines: string[];
    let eventLines: number[];
    beforeEach(async () => {
      await f.append('case-a', 3);
      await f.append('case-b', 3);
      await f.follower.catchUp();
      lines = await f.exportText();
      eventLines = lines.flatMap((l, i) => (l.includes('"kind":"event"') ? [i] : []));
      expect(verifyText(lines, { publicKeyPem: f.signer.publicKeyPem }).ok).toBe(true);
    });
    const eventAt = (i: number) =>
      JSON.parse(lines[i]) as { eventId: string; globalPosition: number };

    it('when one byte of an event changes, then that event is named', () => {
      const target = eventLines[2];
      const edited = [...lines];
      edited[target] = edited[target].replace('"n\\":3', '"n\\":4');
      expect(edited[target]).not.toBe(lines[target]);
      const report = verifyText(edited, { publicKeyPem: f.signer.publicKeyPem });
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({
        line: target + 1,
        reason: 'hash_mismatch',
        eventId: eventAt(target).eventId,
      });
    });

    it('when one line is dropped, then the missing leaf is named at its place', () => {
      const target = eventLines[3];
      const report = verifyText(
        lines.filter((_, i) => i !== target),
        { publicKeyPem: f.signer.publicKeyPem },
      );
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ line: target + 1, reason: 'event_missing' });
      expect(report.problems[0].detail).toContain('leaf 3 is missing');
      // Once: the events after it are in their places and are not reported as missing too.
      const named = report.problems.filter((p) => p.line !== null && p.reason === 'event_missing');
      expect(named).toHaveLength(1);
      expect(report.problems.map((p) => p.reason)).not.toContain('out_of_order');
    });

    it('when two neighbouring lines swap places, then the late one is named out of order, and nothing as missing', () => {
      const a = eventLines[2];
      const swapped = [...lines];
      [swapped[a], swapped[a + 1]] = [swapped[a + 1], swapped[a]];
      const report = verifyText(swapped, { publicKeyPem: f.signer.publicKeyPem });
      expect(report.ok).toBe(false);
      const leafOrder = report.problems.filter((p) => p.detail.includes('events are out of order'));
      expect(leafOrder).toEqual([
        expect.objectContaining({
          line: a + 2,
          reason: 'out_of_order',
          eventId: eventAt(a).eventId,
          detail: 'leaf 2 comes after leaf 3: events are out of order.',
        }),
      ]);
      expect(report.problems.map((p) => p.reason)).not.toContain('event_missing');
    });

    it('when lines come late and one never comes, then the late ones are out of order and the missing one is named where it was skipped', () => {
      // Events of leaves 0, 4, 2, 1, 5, …: leaf 3 dropped, leaves 1 and 2 after leaf 4.
      const [l0, l1, l2, , l4] = eventLines;
      const events = new Set(eventLines.slice(0, 5));
      const reordered = lines.flatMap((line, i) =>
        i === l0 ? [lines[l0], lines[l4], lines[l2], lines[l1]] : events.has(i) ? [] : [line],
      );
      const report = verifyText(reordered, { publicKeyPem: f.signer.publicKeyPem });
      const named = report.problems.filter(
        (p) =>
          p.line !== null &&
          (p.reason === 'event_missing' || p.detail.includes('events are out of order')),
      );
      expect(named.map((p) => [p.line, p.reason, p.detail])).toEqual([
        [l0 + 2, 'event_missing', 'leaf 3 is missing before this event (leaf 4).'],
        [l0 + 3, 'out_of_order', 'leaf 2 comes after leaf 4: events are out of order.'],
        [l0 + 4, 'out_of_order', 'leaf 1 comes after leaf 4: events are out of order.'],
      ]);
    });

    it('when two lines swap places, then the lines out of order are named', () => {
      const [a, b] = [eventLines[1], eventLines[4]];
      const swapped = [...lines];
      [swapped[a], swapped[b]] = [swapped[b], swapped[a]];
      const report = verifyText(swapped, { publicKeyPem: f.signer.publicKeyPem });
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ line: a + 1, eventId: eventAt(b).eventId });
      expect(report.problems.map((p) => p.reason)).toContain('out_of_order');
    });

    it('when a checkpoint is re-signed with another key, or a line is not JSON, or the file is cut, then each is named and nothing throws', () => {
      const other = verifyText(lines, { publicKeyPem: parsePublicKeyPem() });
      expect(other.problems[0]).toMatchObject({ reason: 'bad_signature', line: 2 });
      const garbage = [...lines];
      garbage[eventLines[0]] = '{"kind":"event", oops';
      expect(verifyText(garbage).problems[0]).toMatchObject({
        line: eventLines[0] + 1,
        reason: 'malformed',
      });
      expect(verifyText(lines.slice(0, -1)).problems.map((p) => p.reason)).toContain('truncated');
      expect(verifyText(['', 'not json', '[]']).problems.map((p) => [p.line, p.reason])).toEqual(
        expect.arrayContaining([
          [1, 'malformed'],
          [2, 'malformed'],
          [3, 'malformed'],
        ]),
      );
    });
  });

  describe('attacks the per-stream chain alone cannot see, against a checkpoint kept before them', () => {
    let kept: Awaited<ReturnType<TreeStore['latestCheckpoint']>>;
    beforeEach(async () => {
      await f.append('case-a', 3);
      await f.append('case-b', 3);
      await f.follower.catchUp();
      kept = await new TreeStore(f.pool, 'event_store').latestCheckpoint();
      expect(
        (
          await verifyEventLog(f.pool, {
            publicKeyPem: f.signer.publicKeyPem,
            keyId: f.signer.keyId,
            trustedCheckpoint: kept,
          })
        ).ok,
      ).toBe(true);
    });
    const verify = () =>
      verifyEventLog(f.pool, {
        publicKeyPem: f.signer.publicKeyPem,
        keyId: f.signer.keyId,
        trustedCheckpoint: kept,
      });

    it("deleting a stream's last event (trigger disabled): the removed event is named", async () => {
      const { rows } = await f.pool.query<{ global_position: string }>(
        `SELECT global_position FROM event_store.events WHERE stream_id = 'case-a' AND stream_version = 3`,
      );
      await f.tamper(
        `DELETE FROM event_store.events WHERE stream_id = 'case-a' AND stream_version = 3`,
      );
      expect((await f.store.verifyStream('case-a')).ok).toBe(true); // the chain alone passes
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstBrokenLink).toMatchObject({
        reason: 'event_removed',
        globalPosition: Number(rows[0].global_position),
      });
    });

    it('rewriting an event and recomputing every later hash with the store’s own functions: the rewritten event is named', async () => {
      const { rows } = await f.pool.query<{
        global_position: string;
        event_id: string;
        stream_version: string;
        type: string;
        schema_version: number;
        data: string;
        metadata: string;
        micros: string;
        hash: Buffer;
      }>(
        `SELECT global_position, event_id, stream_version, type, schema_version, data::text AS data, metadata::text AS metadata,
                (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS micros, hash
           FROM event_store.events WHERE stream_id = 'case-b' ORDER BY stream_version`,
      );
      let previous = rows[0].hash;
      for (const row of rows.slice(1)) {
        const data = row.stream_version === '2' ? row.data.replace('"n":2', '"n":20') : row.data;
        const digest = contentDigest({
          eventId: row.event_id,
          streamId: 'case-b',
          type: row.type,
          schemaVersion: row.schema_version,
          dataJson: data,
          metadataJson: row.metadata,
        });
        const hash = chainHash(
          previous,
          digest,
          BigInt(row.stream_version),
          BigInt(row.global_position),
          BigInt(row.micros),
        );
        await f.tamper(
          'UPDATE event_store.events SET data = $2::json, hash = $3 WHERE global_position = $1',
          [row.global_position, data, hash],
        );
        previous = hash;
      }
      expect((await f.store.verifyStream('case-b')).ok).toBe(true); // the chain alone passes
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstBrokenLink).toMatchObject({
        reason: 'leaf_differs',
        eventId: rows[1].event_id,
      });
      expect(report.problems.map((p) => p.reason)).toContain('root_mismatch');
    });

    it('an edit made with session_replication_role = replica: the edited event is named', async () => {
      const client = new Client({ connectionString: f.db.url });
      await client.connect();
      await client.query('SET session_replication_role = replica');
      await client.query(
        `UPDATE event_store.events SET data = '{"n":99}' WHERE stream_id = 'case-a' AND stream_version = 2`,
      );
      await client.end();
      const { rows } = await f.pool.query<{ event_id: string }>(
        `SELECT event_id FROM event_store.events WHERE stream_id = 'case-a' AND stream_version = 2`,
      );
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstBrokenLink).toMatchObject({
        reason: 'hash_mismatch',
        eventId: rows[0].event_id,
      });
    });

    it('an insider with the signing key who rewrites the log and rebuilds the tree is caught by the checkpoint kept outside', async () => {
      await f.tamper(
        `DELETE FROM event_store.events WHERE stream_id = 'case-a' AND stream_version = 3`,
      );
      await f.follower.stop();
      const admin = new Client({ connectionString: f.db.url });
      await admin.connect();
      await admin.query('SET session_replication_role = replica');
      await admin.query(
        'DELETE FROM audit.checkpoints; DELETE FROM audit.tree_nodes; DELETE FROM audit.tree_leaf_runs; DELETE FROM audit.tree_state',
      );
      await admin.end();
      const forger = new TreeFollower(f.pool, EVENT_STORE_LEAVES, f.signer, {
        checkpointEveryLeaves: 2,
      });
      await forger.catchUp();
      await forger.checkpointIfGrown();
      // Everything in the database agrees with itself now...
      expect(
        (
          await verifyEventLog(f.pool, {
            publicKeyPem: f.signer.publicKeyPem,
            keyId: f.signer.keyId,
          })
        ).ok,
      ).toBe(true);
      // ... and not with what the auditor kept.
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.reason)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/inconsistent_with_trusted|trusted_checkpoint_newer/),
        ]),
      );
    });
  });
});

function parsePublicKeyPem(): string {
  return generateKeyPairSync('ed25519')
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();
}
