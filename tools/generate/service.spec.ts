// The service generator, run on a copy of the files it registers a service in: it creates the
// app and libraries and registers them everywhere, once, and refuses a bad or taken name with
// nothing written. (That its output lints, formats, composes and passes its own spec was checked
// on a full checkout; this spec pins what it writes.)
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const repo = path.resolve(__dirname, '../..');
const REGISTERED = [
  'tsconfig.base.json',
  'tools/services.json',
  'tools/migrate.ts',
  'eslint.config.mjs',
  '.prettierrc.json',
];
let root: string;

function generate(name: string) {
  return promisify(execFile)(
    process.execPath,
    [path.join(__dirname, 'service.mjs'), '--name', name, '--root', root],
    { cwd: repo },
  );
}
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'haven-generate-'));
  for (const file of REGISTERED) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    copyFileSync(path.join(repo, file), path.join(root, file));
  }
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

it('writes the app and its libraries, and registers them with the next free port', async () => {
  const before = JSON.parse(read('tools/services.json'));
  const highest = Math.max(
    before.gateway.port,
    ...before.subgraphs.map((entry: { port: number }) => entry.port),
  );
  await generate('shelters');

  for (const file of [
    'apps/shelters/src/main.ts',
    'apps/shelters/src/app.module.ts',
    'apps/shelters/src/policies.ts',
    'apps/shelters/src/shelters.int-spec.ts',
    'libs/shelters/contracts/src/index.ts',
    'libs/shelters/domain/src/index.ts',
    'libs/shelters/read-models/src/index.ts',
  ]) {
    expect(existsSync(path.join(root, file))).toBe(true);
  }
  expect(JSON.parse(read('libs/shelters/domain/project.json')).tags).toEqual([
    'scope:shelters',
    'type:domain',
  ]);
  const registry = JSON.parse(read('tools/services.json'));
  expect(registry.subgraphs.at(-1)).toEqual({
    name: 'shelters',
    port: highest + 1,
    main: 'apps/shelters/src/main.ts',
    module: 'apps/shelters/src/app.module.ts',
  });
  // The port is written once: main.ts takes it from the registry.
  expect(read('apps/shelters/src/main.ts')).not.toMatch(/port:|\d{4}/);
  const paths = JSON.parse(read('tsconfig.base.json')).compilerOptions.paths;
  expect(paths['@haven/shelters/domain']).toEqual(['libs/shelters/domain/src/index.ts']);
  expect(paths['@haven/shelters/contracts']).toEqual(['libs/shelters/contracts/src/index.ts']);
  expect(paths['@haven/shelters/read-models']).toEqual(['libs/shelters/read-models/src/index.ts']);
  expect(read('tools/migrate.ts')).toContain(
    "import { SHELTERS_MIGRATIONS } from '@haven/shelters/read-models';",
  );
  expect(read('tools/migrate.ts')).toMatch(/SERVICE_SCHEMAS[\s\S]*SHELTERS_MIGRATIONS,\n\];/);
  expect(read('eslint.config.mjs')).toContain("  'shelters',\n  'gateway',");
});

it('refuses a taken or malformed name, and writes nothing', async () => {
  const before = REGISTERED.map(read);
  await expect(generate('protection')).rejects.toMatchObject({ code: 2 });
  await expect(generate('Bad-Name')).rejects.toMatchObject({ code: 2 });
  expect(REGISTERED.map(read)).toEqual(before);
  expect(existsSync(path.join(root, 'apps'))).toBe(false);
});
