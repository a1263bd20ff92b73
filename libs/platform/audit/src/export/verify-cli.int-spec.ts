import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { auditFixture, type AuditFixture } from '../testing/audit-fixture';
import { TreeStore } from '../postgres/tree-store';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../../..');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function outcome(command: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    // No environment but PATH: no database, no network settings, nothing of the checkout's.
    const { stdout, stderr } = await run(command, args, { cwd, env: { PATH: process.env.PATH } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Outcome;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
/** The two ways an auditor runs the verifier: from the checkout, or the bundled file alone. */
const RUNNERS: Array<[string, (args: string[]) => Promise<Outcome>]> = [
  [
    'npm run audit:verify',
    (args) =>
      outcome(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/audit/verify.ts', ...args],
        ROOT,
      ),
  ],
  [
    'the standalone haven-audit-verify.cjs, with plain Node in a folder with nothing else',
    (args) => outcome('node', [path.join(dir, 'alone', 'haven-audit-verify.cjs'), ...args], dir),
  ],
];

describe.each(RUNNERS)('%s, offline', (_name, verify) => {
  let f: AuditFixture;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    f = await auditFixture({ checkpointEveryLeaves: 3 });
    dir = mkdtempSync(path.join(tmpdir(), 'haven-audit-'));
    // Bundled as the README says, then copied where no node_modules can be found.
    await run('npm', ['run', '-s', 'audit:bundle-verifier'], { cwd: ROOT });
    const alone = path.join(dir, 'alone');
    mkdirSync(alone);
    copyFileSync(
      path.join(ROOT, 'dist', 'haven-audit-verify.cjs'),
      path.join(alone, 'haven-audit-verify.cjs'),
    );
    await f.append('case-a', 3);
    await f.follower.catchUp();
    const kept = await new TreeStore(f.pool, 'event_store').latestCheckpoint();
    writeFileSync(file('kept.json'), JSON.stringify(kept));
    await f.append('case-a', 2);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
    writeFileSync(file('key.pem'), f.signer.publicKeyPem);
    const lines = await f.exportText();
    writeFileSync(file('export.jsonl'), `${lines.join('\n')}\n`);
    const edited = [...lines];
    const target = edited.findIndex((l) => l.includes('"streamVersion":4'));
    edited[target] = edited[target].replace('"n\\":4', '"n\\":5');
    writeFileSync(file('edited.jsonl'), `${edited.join('\n')}\n`);
    writeFileSync(file('dropped.jsonl'), `${lines.filter((_, i) => i !== target).join('\n')}\n`);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await f.close();
  });

  it('given an export and the published key, when it is verified with a checkpoint kept from before, then it passes (exit 0)', async () => {
    const result = await verify([
      file('export.jsonl'),
      '--public-key',
      file('key.pem'),
      '--trusted-checkpoint',
      file('kept.json'),
    ]);
    expect(result.stdout).toContain('VERIFIED');
    expect(result.code).toBe(0);
  });

  it('given one byte of an event edited, when it is verified, then the event is named by line and stream version (exit 1)', async () => {
    const result = await verify([file('edited.jsonl'), '--public-key', file('key.pem')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAILED[\s\S]*line \d+, position \d+, case-a v4, event [0-9a-f-]+: hash_mismatch/,
    );
  });

  it('given an event line dropped, when it is verified, then the gap is named (exit 1)', async () => {
    const result = await verify([file('dropped.jsonl'), '--public-key', file('key.pem')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED[\s\S]*: (event_missing|lines_missing|root_mismatch):/);
  });

  it('reports a missing file without a stack trace (exit 2)', async () => {
    const result = await verify([file('nope.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be read');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
