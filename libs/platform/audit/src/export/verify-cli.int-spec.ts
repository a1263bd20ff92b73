import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { auditFixture, type AuditFixture } from '../testing/audit-fixture';
import { TreeStore } from '../postgres/tree-store';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../../..');

/** `npm run audit:verify` as an auditor runs it: a process with a file, no database, no network. */
async function verify(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/audit/verify.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run audit:verify, offline', () => {
  let f: AuditFixture;
  let dir: string;
  beforeAll(async () => {
    f = await auditFixture({ checkpointEveryLeaves: 3 });
    dir = mkdtempSync(path.join(tmpdir(), 'haven-audit-'));
    await f.append('case-a', 3);
    await f.follower.catchUp();
    const kept = await new TreeStore(f.pool, 'event_store').latestCheckpoint();
    writeFileSync(path.join(dir, 'kept.json'), JSON.stringify(kept));
    await f.append('case-a', 2);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
    writeFileSync(path.join(dir, 'key.pem'), f.signer.publicKeyPem);
    const lines = await f.exportText();
    writeFileSync(path.join(dir, 'export.jsonl'), `${lines.join('\n')}\n`);
    const edited = [...lines];
    const target = edited.findIndex((l) => l.includes('"streamVersion":4'));
    edited[target] = edited[target].replace('"n\\":4', '"n\\":5');
    writeFileSync(path.join(dir, 'edited.jsonl'), `${edited.join('\n')}\n`);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await f.close();
  });

  it('verifies an export with the published key and a checkpoint kept from before (exit 0)', async () => {
    const result = await verify([
      path.join(dir, 'export.jsonl'),
      '--public-key',
      path.join(dir, 'key.pem'),
      '--trusted-checkpoint',
      path.join(dir, 'kept.json'),
    ]);
    expect(result.stdout).toContain('VERIFIED');
    expect(result.code).toBe(0);
  });

  it('names the edited event by line and stream version (exit 1)', async () => {
    const result = await verify([
      path.join(dir, 'edited.jsonl'),
      '--public-key',
      path.join(dir, 'key.pem'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAILED[\s\S]*line \d+, position \d+, case-a v4, event [0-9a-f-]+: hash_mismatch/,
    );
  });

  it('reports a missing file or a bad argument without a stack trace (exit 2)', async () => {
    const result = await verify([path.join(dir, 'nope.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be read');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
