import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ConstValueNode } from 'graphql';

/** The committed supergraph, composed at build time by `npm run supergraph:compose`. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export function readSupergraph(file = SUPERGRAPH_PATH): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the supergraph ${file} (${(error as NodeJS.ErrnoException).code}): ` +
        'run `npm run supergraph:compose`.',
      { cause: error },
    );
  }
}

/**
 * The subgraphs a supergraph names, with the URLs it was composed with: the values of the
 * `join__Graph` enum, each carrying `@join__graph(name:, url:)`.
 */
export function subgraphsOf(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const subgraphs: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const argument = (name: string) =>
        stringValue(directive?.arguments?.find((a) => a.name.value === name)?.value);
      const name = argument('name');
      const url = argument('url');
      if (name && url) subgraphs.push({ name, url });
    }
  }
  return subgraphs;
}

function stringValue(node: ConstValueNode | undefined): string | undefined {
  return node?.kind === Kind.STRING ? node.value : undefined;
}
