// The committed supergraph must be what the subgraphs' code composes to: a schema change without
// `npm run supergraph:compose` fails here (and in `npm run supergraph:check`).
import { Kind, parse, type DocumentNode } from 'graphql';
import {
  composeFromCode,
  composeSupergraph,
  CompositionError,
  OUT_OF_DATE_MESSAGE,
  staleFiles,
  type ComposedSupergraph,
} from './supergraph';

/** `Query.x` and `Mutation.y` coordinates of a schema document (definitions and extensions). */
function rootFields(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    ['Query', 'Mutation'].includes(definition.name.value)
      ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
      : [],
  );
}

describe('the committed supergraph', () => {
  let composed: ComposedSupergraph;

  beforeAll(async () => {
    composed = await composeFromCode();
  }, 120_000);

  it('matches what the subgraphs compose to', () => {
    const stale = staleFiles(composed);
    if (stale.length) throw new Error(`${OUT_OF_DATE_MESSAGE} (differs: ${stale.join(', ')})`);
  });

  it('has an access policy for every operation and every field, in every subgraph', () => {
    const withoutPolicy = composed.subgraphs.flatMap((subgraph) =>
      (subgraph.withoutPolicy ?? ['(not reported)']).map((field) => `${subgraph.name}: ${field}`),
    );
    expect(withoutPolicy).toEqual([]);

    // Every operation of the supergraph is served by a subgraph that declares its policy.
    const served = new Set(
      composed.subgraphs.flatMap((subgraph) => rootFields(parse(subgraph.sdl))),
    );
    const operations = rootFields(parse(composed.supergraph));
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.filter((operation) => !served.has(operation))).toEqual([]);
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
