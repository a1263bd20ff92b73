// A real Apache Kafka broker (KRaft, one combined broker and controller) on free loopback ports,
// for development, tests and benchmarks. No Docker and no installed Kafka: the broker's jars are
// resolved from Maven Central with Maven (tools/kafka/pom.xml) into a cache outside git, once;
// later starts take a few seconds. Java 17+ runs it.
//
//   const kafka = await startKafka();  // { brokers: ['127.0.0.1:PORT'], stop() }
//
// The cache is $HAVEN_KAFKA_CACHE, or ~/.cache/haven-kafka; one folder per pom.xml content, so a
// version change resolves anew. Storage is formatted once into a template that each broker copies
// (formatting costs a JVM start of its own). The quorum is static (`controller.quorum.voters`),
// so a copied template does not depend on the ports of the broker that formatted it.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(here, 'pom.xml');
const LOG_CONFIG = path.join(here, 'log4j2.yaml');
const READY_LINE = 'Kafka Server started';
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** Where the jars and the formatted template of this pom.xml live. */
export function cacheDir() {
  const root = process.env.HAVEN_KAFKA_CACHE ?? path.join(os.homedir(), '.cache', 'haven-kafka');
  const digest = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 12);
  return path.join(root, digest);
}

/** Whether a Java runtime is on PATH (or JAVA_HOME): the one thing the broker needs. */
export function javaAvailable() {
  return spawnSync(javaBinary(), ['-version'], { stdio: 'ignore' }).status === 0;
}

function javaBinary() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * The broker's class path, resolving it with Maven on first use. Concurrent callers are safe:
 * each resolves into a folder of its own, and the first rename wins.
 */
export async function ensureKafkaJars({ log = () => {} } = {}) {
  const dir = cacheDir();
  const libs = path.join(dir, 'libs');
  if (existsSync(path.join(libs, '.complete'))) return libs;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(path.join(dir, 'resolving-'));
  log(`resolving the Apache Kafka broker's jars from Maven Central into ${libs} (once)`);
  const started = Date.now();
  try {
    await promisify(execFile)(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const detail =
      error.code === 'ENOENT' ? 'Maven (mvn) is not on PATH' : error.stdout || error.message;
    throw new Error(
      `Could not resolve the Kafka broker's jars: ${String(detail).trim().slice(-2000)}`,
    );
  }
  writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
  try {
    renameSync(staging, libs);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process got there first
  }
  log(`jars resolved in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return libs;
}

/** A formatted, empty KRaft storage folder to copy: formatted once per cache. */
async function ensureTemplate(libs) {
  const template = path.join(cacheDir(), 'storage-template');
  if (existsSync(path.join(template, 'meta.properties'))) return template;
  const staging = mkdtempSync(path.join(cacheDir(), 'formatting-'));
  const storage = path.join(staging, 'storage');
  const config = path.join(staging, 'server.properties');
  // Any ports do: with a static quorum, formatting records none of them.
  writeFileSync(config, serverProperties({ port: 9092, controllerPort: 9093, logDir: storage }));
  try {
    await promisify(execFile)(
      javaBinary(),
      [
        ...logOptions(),
        '-cp',
        classPath(libs),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId(),
        '-c',
        config,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    try {
      renameSync(storage, template);
    } catch {
      // another process formatted it first
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return template;
}

/**
 * A Kafka cluster id: 16 random bytes, base64url (what `kafka-storage random-uuid` prints). Like
 * Kafka's own `Uuid.randomUuid`, it never starts with a dash: the storage tool would read one
 * that does as an option, and refuse to format (one id in 64).
 */
function clusterId() {
  for (;;) {
    const id = Buffer.from(randomUUID().replaceAll('-', ''), 'hex').toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function classPath(libs) {
  return `${libs}${path.sep}*`;
}

function logOptions() {
  return [`-Dlog4j2.configurationFile=${LOG_CONFIG}`];
}

function serverProperties({ port, controllerPort, logDir, extra = {} }) {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    // One node: every internal topic has one replica.
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    // Haven creates its topics itself (tools/kafka/topics.ts), with their own settings.
    'auto.create.topics.enable': 'false',
    ...extra,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

/** Two free loopback ports (the operating system picks them; a race with another process is unlikely). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a broker and resolves once it serves clients.
 * - `port`: the client port (default: a free one).
 * - `dataDir`: where it keeps its log (default: a temporary folder, deleted on stop). A folder
 *   that already holds a formatted log is used as it is (`npm start` keeps its data).
 * - `jvm`: JVM options (default: a small heap and a fast-starting JIT, right for tests).
 * - `log`: receives the broker's warnings and errors, line by line.
 */
export async function startKafka(options = {}) {
  const libs = await ensureKafkaJars({ log: options.log });
  const template = await ensureTemplate(libs);
  const port = options.port ?? (await freePort());
  const controllerPort = await freePort();
  const temporary = !options.dataDir;
  const home = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'haven-kafka-'));
  const logDir = path.join(home, 'storage');
  if (!existsSync(path.join(logDir, 'meta.properties'))) {
    mkdirSync(home, { recursive: true });
    cpSync(template, logDir, { recursive: true });
  }
  const config = path.join(home, 'server.properties');
  writeFileSync(
    config,
    serverProperties({ port, controllerPort, logDir, extra: options.settings }),
  );
  const jvm = options.jvm ?? [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
  ];
  const child = spawn(
    javaBinary(),
    [...jvm, ...logOptions(), '-cp', classPath(libs), 'kafka.Kafka', config],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false },
  );
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the Kafka broker did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    const onLine = (line) => {
      if (line.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      } else if (line.trim()) {
        output.push(line);
        if (output.length > 50) output.shift();
        options.log?.(line);
      }
    };
    lines(child.stdout, onLine);
    lines(child.stderr, onLine);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the Kafka broker exited (${signal ?? `code ${code}`}) before it started:\n${output.join('\n')}`,
        ),
      );
    });
  });
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      if (temporary) rmSync(home, { recursive: true, force: true });
    })());
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { brokers: [`127.0.0.1:${port}`], port, pid: child.pid, dataDir: home, exited, stop };
}

function lines(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
}

/**
 * Runs a Java main class from the broker's jars (Kafka's own tools, such as
 * org.apache.kafka.tools.ProducerPerformance) and resolves with its standard output.
 */
export async function runKafkaTool(mainClass, args, { jvm = ['-Xmx1g'] } = {}) {
  const libs = await ensureKafkaJars();
  const { stdout } = await promisify(execFile)(
    javaBinary(),
    [...jvm, ...logOptions(), '-cp', classPath(libs), mainClass, ...args],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

// `node tools/kafka/broker.mjs resolve`: fetch the jars now (CI does it before `npm test`).
// `node tools/kafka/broker.mjs start [--port N] [--data-dir DIR]`: a broker until Ctrl-C or SIGTERM.
// (No top-level await: the benchmark and tests require() this file.)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void cli();
}

async function cli() {
  const command = process.argv[2];
  const say = (line) => process.stderr.write(`[kafka] ${line}\n`);
  if (command === 'resolve') {
    const libs = await ensureKafkaJars({ log: say });
    await ensureTemplate(libs);
    say(`broker jars ready in ${libs}`);
  } else if (command === 'start') {
    // Optional: --port N (default a free one), --data-dir DIR (default a temporary folder).
    const option = (name) => {
      const index = process.argv.indexOf(name);
      return index > 0 ? process.argv[index + 1] : undefined;
    };
    const port = option('--port') ? Number(option('--port')) : undefined;
    const kafka = await startKafka({ log: say, port, dataDir: option('--data-dir') });
    say(`Apache Kafka on ${kafka.brokers.join(',')} (Ctrl-C stops it)`);
    const stop = () => void kafka.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } else {
    say('usage: node tools/kafka/broker.mjs resolve|start');
    process.exit(2);
  }
}
