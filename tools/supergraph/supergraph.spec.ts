// The committed supergraph must be what the subgraphs' code composes to: a schema change without
// `npm run supergraph:compose` fails here (and in `npm run supergraph:check`).
import {
  composeFromCode,
  composeSupergraph,
  CompositionError,
  OUT_OF_DATE_MESSAGE,
  staleFiles,
  type ComposedSupergraph,
} from './supergraph';

describe('the committed supergraph', () => {
  let composed: ComposedSupergraph;

  beforeAll(async () => {
    composed = await composeFromCode();
  }, 120_000);

  it('matches what the subgraphs compose to', () => {
    const stale = staleFiles(composed);
    if (stale.length) throw new Error(`${OUT_OF_DATE_MESSAGE} (differs: ${stale.join(', ')})`);
  });

  it('is found out of date when a subgraph’s schema changes', () => {
    const changed = composed.subgraphs.map((subgraph) =>
      subgraph.name === 'legal'
        ? { ...subgraph, sdl: `${subgraph.sdl}\nextend type Query { legalNewField: Int }\n` }
        : subgraph,
    );
    expect(staleFiles(composeSupergraph(changed))).toEqual([
      'apps/gateway/supergraph.graphql',
      'apps/gateway/subgraphs/legal.graphql',
    ]);
  });
});

describe('composition', () => {
  const link =
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

  it('lists every composition error', () => {
    const compose = () =>
      composeSupergraph([
        {
          name: 'one',
          url: 'http://127.0.0.1:1/graphql',
          sdl: `${link}\ntype Query { status: String }`,
        },
        {
          name: 'two',
          url: 'http://127.0.0.1:2/graphql',
          sdl: `${link}\ntype Query { status: Int }`,
        },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/do not compose[\s\S]*Query\.status/);
  });
});
