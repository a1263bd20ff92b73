import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ed25519Signer } from '../checkpoints/signing-key';
import { auditFixture, verifyText, type AuditFixture } from '../testing/audit-fixture';
import type { ExportReport } from './export-verifier';
import { verifyExportFile, type VerifyFileOptions } from './verify-file';

/**
 * The file-level verifier reads lines in worker threads and checks them in order here: whatever
 * the number of workers and wherever batches cut the file, its report must be the one a single
 * ExportVerifier fed line by line gives, problems, lines, details and order included.
 */
const WAYS: Array<[string, Partial<VerifyFileOptions>]> = [
  ['in this thread', { workers: 0 }],
  ['in 2 workers', { workers: 2 }],
  // Batches smaller than a line: most hold no line start, and lines run on past their batch.
  ['in 3 workers, batches of 300 bytes', { workers: 3, batchBytes: 300 }],
  ['in this thread, batches of 300 bytes', { workers: 1, batchBytes: 300 }],
];

describe('verifying an export file, in this thread or in workers', () => {
  let f: AuditFixture;
  let dir: string;
  let lines: string[];
  let eventLines: number[];
  let count = 0;
  const publicKeyPem = () => f.signer.publicKeyPem;

  beforeAll(async () => {
    f = await auditFixture({ checkpointEveryLeaves: 4 });
    dir = mkdtempSync(path.join(tmpdir(), 'haven-verify-file-'));
    await f.append('case-a', 3);
    await f.append('case-b', 3);
    await f.append('case-a', 2);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
    lines = await f.exportText();
    eventLines = lines.flatMap((l, i) => (l.includes('"kind":"event"') ? [i] : []));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await f.close();
  });

  /** Every way's report on `text` written as a file, beside the line-by-line report. */
  async function reports(text: string, expected: ExportReport, options: VerifyFileOptions) {
    const file = path.join(dir, `export-${++count}.jsonl`);
    writeFileSync(file, text);
    for (const [way, extra] of WAYS) {
      const report = await verifyExportFile(file, { ...options, ...extra });
      expect({ way, report }).toEqual({ way, report: expected });
    }
  }

  const asFile = (ls: string[]) => `${ls.join('\n')}\n`;

  it('given an intact export, then every way verifies it, with the same report', async () => {
    const expected = verifyText(lines, { publicKeyPem: publicKeyPem() });
    expect(expected.ok).toBe(true);
    await reports(asFile(lines), expected, { publicKeyPem: publicKeyPem() });
  });

  it('given one byte of an event edited, then every way names the same event, line and reason', async () => {
    const edited = [...lines];
    const target = eventLines[2];
    edited[target] = edited[target].replace('"n\\":3', '"n\\":4');
    expect(edited[target]).not.toBe(lines[target]);
    const expected = verifyText(edited, { publicKeyPem: publicKeyPem() });
    expect(expected.problems[0]).toMatchObject({ line: target + 1, reason: 'hash_mismatch' });
    await reports(asFile(edited), expected, { publicKeyPem: publicKeyPem() });
  });

  it('given a line dropped, then every way names the missing leaf at its place', async () => {
    const dropped = lines.filter((_, i) => i !== eventLines[3]);
    const expected = verifyText(dropped, { publicKeyPem: publicKeyPem() });
    expect(expected.problems[0]).toMatchObject({ reason: 'event_missing' });
    await reports(asFile(dropped), expected, { publicKeyPem: publicKeyPem() });
  });

  it('given two lines swapped, then every way names the lines out of order, in the same order', async () => {
    const swapped = [...lines];
    const [a, b] = [eventLines[1], eventLines[4]];
    [swapped[a], swapped[b]] = [swapped[b], swapped[a]];
    const expected = verifyText(swapped, { publicKeyPem: publicKeyPem() });
    expect(expected.problems.map((p) => p.reason)).toContain('out_of_order');
    expect(expected.problems.length).toBeGreaterThan(1);
    await reports(asFile(swapped), expected, { publicKeyPem: publicKeyPem() });
  });

  it('given a malformed line, an empty one and lines after the end, then every way reports them alike', async () => {
    const broken = [...lines];
    broken[eventLines[0]] = '{"kind":"event", oops';
    broken.splice(eventLines[2], 0, '');
    broken.push('{"kind":"end","lines":1}', '[]');
    const expected = verifyText(broken, { publicKeyPem: publicKeyPem() });
    expect(expected.problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining(['malformed', 'after_end']),
    );
    await reports(asFile(broken), expected, { publicKeyPem: publicKeyPem() });
  });

  it('given another key, a cut file, or no newline after the last line, then every way reports them alike', async () => {
    const other = new Ed25519Signer(generateKeyPairSync('ed25519').privateKey).publicKeyPem;
    await reports(asFile(lines), verifyText(lines, { publicKeyPem: other }), {
      publicKeyPem: other,
    });
    const cut = lines.slice(0, -3);
    await reports(asFile(cut), verifyText(cut), {});
    await reports(lines.join('\n'), verifyText(lines), {});
  });

  it('given lines ended by CRLF, then every way reads them as the lines themselves', async () => {
    const expected = verifyText(lines, { publicKeyPem: publicKeyPem() });
    await reports(`${lines.join('\r\n')}\r\n`, expected, { publicKeyPem: publicKeyPem() });
  });

  it('given a range starting inside streams (anchors) and an empty file, then every way reports them alike', async () => {
    const { rows } = await f.pool.query<{ p: string }>(
      'SELECT global_position AS p FROM event_store.events ORDER BY 1',
    );
    const range = await f.exportText({ fromPosition: Number(rows[3].p) });
    expect(range.some((l) => l.includes('"kind":"anchor"'))).toBe(true);
    const expected = verifyText(range, { publicKeyPem: publicKeyPem() });
    expect(expected.ok).toBe(true);
    await reports(asFile(range), expected, { publicKeyPem: publicKeyPem() });
    await reports('', verifyText([]), {});
  });

  it('fails, rather than waits, when its workers run a script that does not serve them', async () => {
    const file = path.join(dir, 'intact.jsonl');
    writeFileSync(file, asFile(lines));
    const idle = path.join(dir, 'idle-worker.js');
    writeFileSync(idle, '// serves nothing\n');
    await expect(verifyExportFile(file, { workers: 2, workerScript: idle })).rejects.toThrow(
      /worker stopped/,
    );
  });

  it('refuses a file it cannot read', async () => {
    await expect(verifyExportFile(path.join(dir, 'nope.jsonl'), { workers: 2 })).rejects.toThrow(
      /ENOENT/,
    );
  });
});
