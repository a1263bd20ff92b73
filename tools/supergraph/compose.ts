/**
 * `npm run supergraph:compose`: prints each subgraph's schema from its code and composes the
 * supergraph the gateway serves (apps/gateway/supergraph.graphql, plus each subgraph's SDL under
 * apps/gateway/subgraphs/ for review).
 *
 * `npm run supergraph:check` (CI): composes in memory and fails if the committed files differ.
 */
import {
  composeFromCode,
  CompositionError,
  OUT_OF_DATE_MESSAGE,
  staleFiles,
  writeSupergraph,
} from './supergraph';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const composed = await composeFromCode();
  for (const hint of composed.hints) console.warn(`hint: ${hint}`);
  const names = composed.subgraphs.map(({ name }) => name).join(', ');
  if (check) {
    const stale = staleFiles(composed);
    if (stale.length) {
      console.error(`${OUT_OF_DATE_MESSAGE}\n  differs: ${stale.join(', ')}`);
      return 1;
    }
    console.log(`The committed supergraph matches the subgraphs (${names}).`);
    return 0;
  }
  const written = writeSupergraph(composed);
  console.log(
    `Composed the supergraph from ${names} in ${Date.now() - started} ms:\n` +
      written.map((file) => `  ${file}`).join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(
      error instanceof CompositionError
        ? error.message
        : `Supergraph composition failed: ${error.stack ?? error.message}`,
    );
    process.exit(1);
  },
);
