/**
 * Prints one subgraph's federated SDL from its code, in a process of its own, and sends it to the
 * parent over IPC: `fork('print-subgraph.ts', [name])`. One process per subgraph because NestJS
 * keeps code-first GraphQL type metadata in process-wide storage: a second app created in the
 * same process sees the first one's types too ("multiple types named Beneficiary").
 */
import { SUBGRAPHS } from '../service-registry';
import { printSubgraph } from './supergraph';

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('print-subgraph.ts must be started with fork()'));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!entry) throw new Error(`No subgraph named "${name}" in tools/services.json`);
  const printed = await printSubgraph(entry);
  await send({ printed });
}

main().then(
  () => process.exit(0),
  async (error: Error) => {
    await send({ error: error.stack ?? error.message }).catch(() => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
    });
    process.exit(1);
  },
);
