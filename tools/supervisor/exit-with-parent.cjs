// Preloaded (`node -r`) into every service `npm start` runs. The services run in their own process
// group, so that Ctrl-C reaches only the supervisor, which stops them in order. If the supervisor
// dies without stopping them (SIGKILL, a crash), its end of their stdin pipe closes: each service
// then stops itself as if asked to (SIGTERM), so no orphan keeps a port or a connection.
'use strict';

if (!process.stdin.isTTY) {
  const orphaned = () => {
    setTimeout(() => process.exit(1), 15_000).unref();
    process.kill(process.pid, 'SIGTERM');
  };
  process.stdin.once('end', orphaned);
  process.stdin.once('error', orphaned);
  process.stdin.resume();
  process.stdin.unref();
}
