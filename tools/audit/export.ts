// `npm run audit:export -- --from P --to Q [--out FILE]`
//
// Writes a range of the event log (global positions P to Q, at most the newest checkpoint's) as
// an audit export in JSON Lines: the events as stored (personal fields sealed), every signed
// checkpoint, consistency proofs between them and the head, and the range proof. Beside it,
// FILE.checkpoint.json holds the head checkpoint: keep it, and pass it to a later verification
// as --trusted-checkpoint.
//
// Through the gateway with an auditor's token (HAVEN_TOKEN or --token; --url, default
// http://127.0.0.1:4000/graphql), any size, in pages of --page-size events (10,000; at most
// 50,000) written one after the other, all proven against the first page's checkpoint; or
// straight from the database when DATABASE_URL is set (operators; any size, streamed).
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import {
  exportEventLog,
  signedCheckpointOf,
  signerFromEnv,
  type CheckpointLine,
  type ExportLine,
} from '@haven/platform/audit';

const USAGE =
  'Usage: npm run audit:export -- [--from P] [--to Q] [--out FILE] [--token T | DATABASE_URL=...] [--url GRAPHQL_URL] [--page-size N]';

/** The pages of the export through the gateway, cursor after cursor: one export when joined. */
async function* fromGateway(
  url: string,
  token: string,
  pageSize: number,
  from?: number,
  to?: number,
): AsyncGenerator<string> {
  let after: string | null = null;
  do {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query ($from: Int, $to: Int, $size: Int, $after: String) {
          auditExport(fromPosition: $from, toPosition: $to, pageSize: $size, after: $after) { lines nextPage }
        }`,
        variables: after == null ? { from, to, size: pageSize } : { size: pageSize, after },
      }),
    });
    const body = (await response.json()) as {
      data?: { auditExport?: { lines: string[]; nextPage: string | null } } | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length) {
      const [error] = body.errors;
      throw new Error(
        `The gateway refused the export (${error.extensions?.code ?? 'error'}): ${error.message}`,
      );
    }
    yield* body.data?.auditExport?.lines ?? [];
    after = body.data?.auditExport?.nextPage ?? null;
  } while (after != null);
}

async function* fromDatabase(url: string, from?: number, to?: number): AsyncGenerator<string> {
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const signer = signerFromEnv(process.env);
    for await (const line of exportEventLog(pool, {
      fromPosition: from,
      toPosition: to,
      publicKeyPem: signer.publicKeyPem,
      keyId: signer.keyId,
    })) {
      yield JSON.stringify(line);
    }
  } finally {
    await pool.end();
  }
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${name} must be a global position (0, 1, 2, ...).`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      'page-size': { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const from = count(values.from, '--from');
  const to = count(values.to, '--to');
  const pageSize = Number(values['page-size']);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 50_000) {
    throw new Error('--page-size must be a whole number from 1 to 50000.');
  }
  const token = values.token ?? process.env.HAVEN_TOKEN;
  const databaseUrl = process.env.DATABASE_URL;
  if (!token && !databaseUrl) {
    throw new Error(`Give an auditor's token (--token or HAVEN_TOKEN), or DATABASE_URL.\n${USAGE}`);
  }
  const file = values.out ?? `audit-export-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
  const lines = token
    ? fromGateway(values.url ?? '', token, pageSize, from, to)
    : fromDatabase(databaseUrl ?? '', from, to);
  const out = createWriteStream(file);
  let head: CheckpointLine | null = null;
  let events = 0;
  for await (const text of lines) {
    const line = JSON.parse(text) as ExportLine;
    if (line.kind === 'checkpoint') head = line;
    if (line.kind === 'event') events++;
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (head)
    writeFileSync(
      `${file}.checkpoint.json`,
      `${JSON.stringify(signedCheckpointOf(head), null, 2)}\n`,
    );
  process.stdout.write(
    `Wrote ${events} events to ${file}` +
      (head
        ? `, proven against the checkpoint of size ${head.size}; keep ${file}.checkpoint.json.\n`
        : '.\n'),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
