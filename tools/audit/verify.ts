// `npm run audit:verify -- FILE [--public-key KEY.pem] [--trusted-checkpoint CHECKPOINT.json] [--workers N] [--json]`
// or, standalone: `node haven-audit-verify.cjs FILE ...` (`npm run audit:bundle-verifier` makes it)
//
// Verifies an audit export on the auditor's own machine: no database, no network. Checks every
// hash chain (with the event store's own hashing), the Merkle root at every checkpoint the file
// passes and at its head, the checkpoints' signatures and chain, their consistency, and
// consistency with a checkpoint the auditor kept from before. Exit code 0: verified; 1: problems
// found (each named, with its line); 2: the command itself could not run (a file unreadable).
// Lines are read in worker threads (--workers, default: the cores; 0 or 1: none), each running
// this same file, and checked in order in this one: the report is the same either way.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import {
  checkpointProblem,
  defaultWorkers,
  serveVerifyWorker,
  signedCheckpointOf,
  verifyExportFile,
  type ExportReport,
  type SignedCheckpoint,
} from '@haven/platform/audit/offline';

// Bundled into one file by `npm run audit:bundle-verifier`, the same code runs as
// `node haven-audit-verify.cjs FILE ...` on a machine with Node alone.
const bundled = /\.c?js$/.test(process.argv[1] ?? '');
const COMMAND = bundled
  ? `node ${basename(process.argv[1] ?? 'haven-audit-verify.cjs')}`
  : 'npm run audit:verify --';
const USAGE = `Usage: ${COMMAND} FILE [--public-key KEY.pem] [--trusted-checkpoint CHECKPOINT.json] [--workers N] [--json]`;

function readTrusted(path: string): SignedCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`--trusted-checkpoint: ${path} is not a readable JSON file.`);
  }
  // Accept the API's answer as saved ({ data: { auditCheckpoint: {...} } }) or the bare checkpoint.
  const data = (value as { data?: Record<string, unknown> })?.data;
  const candidate = data ? Object.values(data)[0] : value;
  const problem = checkpointProblem(candidate);
  if (problem) throw new Error(`--trusted-checkpoint: ${path} is not a checkpoint (${problem}).`);
  return signedCheckpointOf(candidate as SignedCheckpoint);
}

function print(report: ExportReport, file: string): void {
  const out = process.stdout;
  if (report.ok) {
    out.write(
      `VERIFIED ${file}: ${report.events} events, ${report.checkpoints} checkpoints; ` +
        `head: size ${report.head?.size}, root ${report.head?.root}, signed ${report.head?.time}.\n`,
    );
  } else {
    out.write(`FAILED ${file}: ${report.problemCount} problem(s); the first:\n`);
    for (const p of report.problems) {
      const where = [
        p.line != null ? `line ${p.line}` : 'file',
        p.globalPosition != null ? `position ${p.globalPosition}` : null,
        p.streamId ? `${p.streamId} v${p.streamVersion}` : null,
        p.eventId ? `event ${p.eventId}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      out.write(`  ${where}: ${p.reason}: ${p.detail}\n`);
    }
  }
  for (const note of report.notes) out.write(`note: ${note}\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'public-key': { type: 'string' },
      'trusted-checkpoint': { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const [file] = positionals;
  let publicKeyPem: string | null = null;
  if (values['public-key']) {
    try {
      publicKeyPem = readFileSync(values['public-key'], 'utf8');
    } catch {
      throw new Error(`--public-key: ${values['public-key']} cannot be read.`);
    }
  }
  const trusted = values['trusted-checkpoint'] ? readTrusted(values['trusted-checkpoint']) : null;
  if (values.workers != null && !/^\d{1,3}$/.test(values.workers))
    throw new Error('--workers: a number of worker threads, 0 or more (0 or 1: none).');
  const workers = values.workers == null ? defaultWorkers() : Number(values.workers);
  let report: ExportReport;
  try {
    report = await verifyExportFile(file, {
      publicKeyPem,
      trustedCheckpoint: trusted,
      workers,
      workerScript: __filename,
    });
  } catch (error) {
    // A system error (ENOENT, EACCES, EISDIR...) is the file's; anything else is a fault here.
    if ((error as NodeJS.ErrnoException).code) throw new Error(`${file} cannot be read.`);
    throw error;
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else print(report, file);
  return report.ok ? 0 : 1;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exit(2);
    },
  );
} else {
  // A worker started by verifyExportFile from this same file.
  serveVerifyWorker();
}
