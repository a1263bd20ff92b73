// HAVEN_SECURITY_CHECKS=off is the gateway benchmark's baseline: a process started with it in
// production must not start, whichever it is (the gateway, or a subgraph).
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs a main.ts to its exit; its code and everything it printed. */
function run(
  main: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const REFUSED =
  /HAVEN_SECURITY_CHECKS=off is for benchmarking only and is refused when NODE_ENV=production/;

describe('HAVEN_SECURITY_CHECKS=off in production', () => {
  it('stops the gateway at start, saying why', async () => {
    const { code, output } = await run('apps/gateway/src/main.ts', {
      NODE_ENV: 'production',
      HAVEN_SECURITY_CHECKS: 'off',
    });
    expect(code).toBe(1);
    expect(output).toMatch(REFUSED);
    expect(output).not.toContain('gateway listening');
  });

  it('stops a subgraph at start, saying why', async () => {
    const { code, output } = await run('apps/legal/src/main.ts', {
      NODE_ENV: 'production',
      HAVEN_SECURITY_CHECKS: 'off',
      // No database needed to reach the GraphQL module, where the switch is read.
      HAVEN_SCHEMA_ONLY: '1',
    });
    expect(code).toBe(1);
    expect(output).toMatch(REFUSED);
    expect(output).not.toContain('legal listening');
  });
});
