import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { AUDIT_MIGRATIONS, ExportVerifier } from '@haven/platform/audit';
import { PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { AppModule } from './app.module';

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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run audit:export through the gateway, page after page', () => {
  let service: TestService;
  let gateway: Server;
  let gatewayUrl: string;
  let dir: string;
  let pem: string;
  /** The page sizes and cursors the "gateway" was asked for. */
  const asked: Array<{ pageSize: unknown; after: unknown }> = [];

  beforeAll(async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    service = await startTestService(AppModule, {
      migrations: [AUDIT_MIGRATIONS],
      env: {
        HAVEN_AUDIT_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        HAVEN_AUDIT_CHECKPOINT_EVERY: String(EVENTS),
      },
    });
    const store = new PostgresEventStore({ connectionString: service.db.url, poolSize: 1 });
    const events: NewEvent[] = Array.from({ length: EVENTS }, (_, n) => ({
      type: 'Other',
      data: { n },
      metadata: {
        actorId: 'officer-1',
        role: 'protection_officer',
        organisationId: null,
        correlationId: 'c-1',
        causationId: null,
        occurredAt: '2026-12-01T10:00:00.000Z',
      },
    }));
    await store.append(`casenotification-${randomUUID()}`, events, 'no_stream');
    await store.close();
    const pool = new Pool({ connectionString: service.db.url, max: 1 });
    for (let i = 0; i < 400; i++) {
      const { rows } = await pool.query(`SELECT max(size) AS n FROM audit.checkpoints`);
      if (Number(rows[0].n) >= EVENTS) break;
      await sleep(25);
    }
    await pool.end();
    // The gateway's part: a bearer token in, the identity the subgraph trusts out.
    const identity = await service.identityHeaders(AUDITOR);
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
        void fetch(`${service.url}/graphql`, {
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
    await service.close();
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

    const verifier = new ExportVerifier({ publicKeyPem: pem });
    for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) verifier.line(line);
    expect(verifier.finish()).toMatchObject({ ok: true, events: EVENTS });
    expect(JSON.parse(readFileSync(`${out}.checkpoint.json`, 'utf8'))).toMatchObject({
      size: EVENTS,
    });
  });
});
