// The whole system for end-to-end tests: the five subgraphs and the gateway, each a child process
// started from its own main.ts exactly as `npm start` runs it, on free ports and a given database.
// Between the gateway and each subgraph sits a small recording proxy, so that a test can see what
// the gateway asked each subgraph (how many calls, how many entities per call).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ensureDevKeys,
  mintDevToken,
  type DevKeys,
  type DevTokenOptions,
} from '@haven/platform/security';
import { subgraphUrlVariable } from '../gateway';

const ROOT = path.resolve(__dirname, '../../../..');

interface ServiceEntry {
  name: string;
  port: number;
  main: string;
}
/** The service registry shared with `npm start` and the supergraph composition. */
const REGISTRY = JSON.parse(readFileSync(path.join(ROOT, 'tools/services.json'), 'utf8')) as {
  subgraphs: ServiceEntry[];
  gateway: ServiceEntry;
};
export const SUBGRAPHS = REGISTRY.subgraphs;
const GATEWAY = REGISTRY.gateway;
const EXIT_WITH_PARENT = path.join(ROOT, 'tools/supervisor/exit-with-parent.cjs');
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** Runs every migration (tools/migrate.ts, as `npm start` does) on a database. */
export function migrate(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/migrate.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`migrations failed (code ${code}):\n${output}`)),
    );
  });
}

export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private log: string[] = [];
  /** Everything the process printed since it was created, across restarts (for leak checks). */
  private transcript: string[] = [];

  constructor(
    readonly name: string,
    readonly main: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyPath: string,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The process id while it runs (the benchmark reads its CPU time). */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** All the process printed, on stdout and stderr, since it was created. */
  allOutput(): string {
    return this.transcript.join('');
  }

  /** The last lines the process printed (for failure messages). */
  output(lines = 40): string {
    return this.log.slice(-lines).join('');
  }

  /** Starts the process and waits until its readiness endpoint answers 200. */
  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', EXIT_WITH_PARENT, this.main],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, PORT: String(this.port) },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const remember = (chunk: Buffer) => {
      this.log.push(chunk.toString());
      this.transcript.push(chunk.toString());
      if (this.log.length > 200) this.log.shift();
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(`${this.name} exited while starting:\n${this.output()}`);
      }
      try {
        const response = await fetch(`${this.origin}${this.readyPath}`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} was not ready within ${START_TIMEOUT_MS} ms:\n${this.output()}`);
  }

  /** SIGTERM, and SIGKILL if it has not exited after STOP_TIMEOUT_MS. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_TIMEOUT_MS);
    this.child?.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

export interface RecordedCall {
  operationName?: string;
  /** The number of entity representations an `_entities` call asked for (0 for other calls). */
  representations: number;
  requestId?: string;
}

/**
 * Forwards the gateway's requests to one subgraph and records them. When the subgraph is down it
 * drops the connection, so the gateway sees what it would see without the proxy.
 */
export class RecordingProxy {
  readonly calls: RecordedCall[] = [];
  private server?: http.Server;
  port = 0;

  /** @param target the subgraph's origin, e.g. http://127.0.0.1:4004 */
  constructor(private readonly target: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  async start(): Promise<void> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => void this.forward(request, Buffer.concat(chunks), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private record(request: http.IncomingMessage, body: Buffer): void {
    try {
      const parsed = JSON.parse(body.toString()) as {
        operationName?: string;
        variables?: { representations?: unknown[] };
      };
      this.calls.push({
        operationName: parsed.operationName,
        representations: parsed.variables?.representations?.length ?? 0,
        requestId: request.headers['x-request-id'] as string | undefined,
      });
    } catch {
      // not JSON: forwarded as it is, not recorded
    }
  }

  private async forward(
    request: http.IncomingMessage,
    body: Buffer,
    response: http.ServerResponse,
  ): Promise<void> {
    const method = request.method ?? 'GET';
    if (method === 'POST') this.record(request, body);
    try {
      const headers: Record<string, string> = {};
      for (const name of [
        'content-type',
        'accept',
        'x-request-id',
        'x-correlation-id',
        'x-haven-identity',
      ]) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${this.target}${request.url ?? '/'}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
      });
      const text = await answer.text();
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      response.end(text);
    } catch {
      request.socket.destroy();
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

export interface System {
  /** The development issuer's and the gateway's keys of this system, and their folder. */
  keys: DevKeys;
  keysDir: string;
  /** A token from this system's development issuer. */
  token(options: DevTokenOptions): Promise<string>;
  /** The gateway's GraphQL endpoint and origin. */
  gatewayUrl: string;
  gatewayOrigin: string;
  gateway: ServiceProcess;
  subgraphs: Record<string, ServiceProcess>;
  proxies: Record<string, RecordingProxy>;
  stop(): Promise<void>;
}

/**
 * Ports for a system's services are taken below the kernel's ephemeral range (32768–60999 on
 * Linux), in a block of 1,000 per Jest worker, and checked free by binding them. A port from the
 * ephemeral range, probed free and released, could be handed to another process (another test
 * file's proxy, an outgoing connection) before the service bound it; a health check could then be
 * answered by that process, and the system would talk to someone else's service.
 */
// Twelve blocks of 1,000 fit between 20,000 and the ephemeral range.
const PORT_BLOCK = 20_000 + (Number(process.env.JEST_WORKER_ID ?? 0) % 12) * 1_000;
let nextPortOffset = 0;

async function freePort(): Promise<number> {
  for (let tries = 0; tries < 1_000; tries++) {
    const port = PORT_BLOCK + (nextPortOffset++ % 1_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${PORT_BLOCK}–${PORT_BLOCK + 999}`);
}

/**
 * Starts the subgraphs of tools/services.json on `databaseUrl` (already migrated) and the gateway
 * on the committed supergraph, in development mode, each on a free port.
 */
export async function startSystem(options: {
  databaseUrl: string;
  subgraphs?: readonly ServiceEntry[];
  /** LOG_LEVEL of every process: `warn` by default; `info` logs every request (leak checks). */
  logLevel?: string;
}): Promise<System> {
  const entries = options.subgraphs ?? SUBGRAPHS;
  const logLevel = options.logLevel ?? 'warn';
  // Keys of its own: the development issuer's, the gateway's identity pair, the master key.
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'haven-keys-'));
  const keys = ensureDevKeys(keysDir);
  const subgraphs: Record<string, ServiceProcess> = {};
  const proxies: Record<string, RecordingProxy> = {};
  for (const entry of entries) {
    const port = await freePort();
    subgraphs[entry.name] = new ServiceProcess(
      entry.name,
      entry.main,
      port,
      {
        NODE_ENV: 'test',
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: logLevel,
        HAVEN_KEYS_DIR: keysDir,
      },
      '/health/ready',
    );
    proxies[entry.name] = new RecordingProxy(`http://127.0.0.1:${port}`);
  }
  await Promise.all(Object.values(proxies).map((proxy) => proxy.start()));
  const gatewayEnv: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    LOG_LEVEL: logLevel,
    HAVEN_GATEWAY_COMPOSE: 'static',
    APOLLO_TELEMETRY_DISABLED: '1',
    HAVEN_KEYS_DIR: keysDir,
    // The tests send hundreds of requests a minute as one user (seed:demo twice, among others).
    HAVEN_RATE_LIMIT_PER_MINUTE: 'off',
  };
  for (const [name, proxy] of Object.entries(proxies)) {
    gatewayEnv[subgraphUrlVariable(name)] = proxy.url;
  }
  const gateway = new ServiceProcess(
    GATEWAY.name,
    GATEWAY.main,
    await freePort(),
    gatewayEnv,
    '/health/live',
  );

  const all = [gateway, ...Object.values(subgraphs)];
  const stop = async () => {
    await Promise.all(all.map((service) => service.stop()));
    await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
    rmSync(keysDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(all.map((service) => service.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    keys,
    keysDir,
    token: (tokenOptions) => mintDevToken(keys, tokenOptions),
    gatewayUrl: `${gateway.origin}/graphql`,
    gatewayOrigin: gateway.origin,
    gateway,
    subgraphs,
    proxies,
    stop,
  };
}
