import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ExportVerifier } from '@haven/platform/audit';
import type { Principal } from '@haven/platform/security';
import { useAuditService } from './testing/audit-spec-harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const AUDITOR: Principal = {
  subject: 'auditor-4',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};
const TOKEN = 'an-auditors-token';
const EVENTS = 7;

const audit = useAuditService({ HAVEN_AUDIT_CHECKPOINT_EVERY: String(EVENTS) });

describe('npm run audit:export through the gateway, page after page', () => {
  let gateway: Server;
  let gatewayUrl: string;
  let dir: string;
  /** The page sizes and cursors the "gateway" was asked for. */
  const asked: Array<{ pageSize: unknown; after: unknown }> = [];

  beforeAll(async () => {
    await audit.appendOthers(EVENTS);
    await audit.checkpointOf(EVENTS);
    // The gateway's part: a bearer token in, the identity the subgraph trusts out.
    const identity = await audit.service.identityHeaders(AUDITOR);
    gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.headers.authorization !== `Bearer ${TOKEN}`) {
          res.writeHead(401).end();
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        const { variables } = JSON.parse(body) as { variables: Record<string, unknown> };
        asked.push({ pageSize: variables.size, after: variables.after ?? null });
        void fetch(`${audit.service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...identity },
          body,
        }).then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(await answer.text());
        });
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
    dir = mkdtempSync(path.join(tmpdir(), 'haven-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('given pages of 3 events, when an auditor exports the log, then the tool follows every cursor and writes one file that verifies with the published key', async () => {
    const out = path.join(dir, 'haven.jsonl');
    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'tools/audit/export.ts',
        '--url',
        gatewayUrl,
        '--token',
        TOKEN,
      ].concat(['--page-size', '3', '--out', out]),
      { cwd: ROOT },
    );
    expect(stdout).toContain(`Wrote ${EVENTS} events`);
    expect(asked.map((page) => page.pageSize)).toEqual([3, 3, 3]);
    expect(asked[0].after).toBeNull();
    expect(asked.slice(1).every((page) => typeof page.after === 'string')).toBe(true);

    const verifier = new ExportVerifier({ publicKeyPem: audit.publicKeyPem });
    for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) verifier.line(line);
    expect(verifier.finish()).toMatchObject({ ok: true, events: EVENTS });
    expect(JSON.parse(readFileSync(`${out}.checkpoint.json`, 'utf8'))).toMatchObject({
      size: EVENTS,
    });
  });
});
