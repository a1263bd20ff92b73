// Proves that eslint.config.mjs enforces module boundaries: a service may use another service's
// contracts but not its domain. If the rule is switched off, skipped for want of a project graph,
// or its constraints stop covering the fixture scopes, forbidden.ts lints clean and this fails.
//
// ESLint's Node API runs in a child process (lint-files.mjs): inside Jest's VM it cannot
// `import()` the ESM config without --experimental-vm-modules.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

const RULE = '@nx/enforce-module-boundaries';
const repoRoot = path.resolve(__dirname, '../..');
const fixture = (file: string) => path.join(__dirname, 'fixture-beta-api', file);
const impureDomain = path.join(__dirname, 'fixture-alpha-domain', 'impure.ts');

describe('module boundaries (eslint.config.mjs)', () => {
  let results: Map<string, LintResult>;
  let pluginOutput: string;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(__dirname, 'lint-files.mjs'),
        fixture('allowed.ts'),
        fixture('forbidden.ts'),
        impureDomain,
      ],
      { cwd: repoRoot, env: { ...process.env, NX_DAEMON: 'false' }, timeout: 60_000 },
    );
    const lines = stdout.trimEnd().split('\n');
    const linted = JSON.parse(lines.pop() ?? '[]') as LintResult[];
    pluginOutput = lines.join('\n');
    results = new Map(linted.map((result) => [path.basename(result.filePath), result]));
  }, 90_000);

  it('has a project graph (the rule is not skipped)', () => {
    expect(pluginOutput).not.toContain('No cached ProjectGraph');
  });

  it('reports an import of another service’s domain', () => {
    const messages = results.get('forbidden.ts')?.messages;

    expect(messages).toEqual([
      {
        ruleId: RULE,
        severity: 2,
        line: 2,
        message: expect.stringContaining(
          'A project tagged with "scope:fixture-beta" can only depend on libs tagged with',
        ),
      },
    ]);
    expect(messages?.[0].message).toContain('"type:contracts"');
  });

  it('accepts an import of another service’s contracts', () => {
    expect(results.get('allowed.ts')?.messages).toEqual([]);
  });

  it('keeps a domain library pure: no framework, database client, I/O, platform or clock', () => {
    const flagged = (results.get('impure.ts')?.messages ?? [])
      .filter((message) => message.ruleId !== RULE)
      .map(({ ruleId, line }) => `${line}:${ruleId}`);
    expect(flagged).toEqual([
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '8:no-restricted-properties',
      '9:no-restricted-syntax',
      '10:no-restricted-syntax',
    ]);
  });
});
