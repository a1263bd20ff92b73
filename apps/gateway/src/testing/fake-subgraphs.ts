// Three small federated subgraphs for the gateway's own tests (no database, no Nest): protection
// owns Beneficiary, legal and relief add a field each. They record what the gateway sent them.
// Protection also has what hostile tests need: lists sized by `first` that nest without end, and
// a field that fails the way a careless service does (SQL and a name in the message, a stack).
import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphCall {
  headers: IncomingHttpHeaders;
  operationName?: string;
  /** How many representations an _entities call asked for (0 for other calls). */
  representations: number;
}

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const BENEFICIARIES = [
  { id: 'b-1', referenceCode: 'TH-0001' },
  { id: 'b-2', referenceCode: 'LA-0002' },
];

/** What `Query.failure` throws: a database error quoting a person's name. */
export const LEAKY_ERROR_MESSAGE =
  'duplicate key value violates unique constraint "beneficiary_name_key": ' +
  "INSERT INTO protection.beneficiaries (name) VALUES ('Malee Srisuk')";

const page = (first?: number) => BENEFICIARIES.slice(0, first ?? BENEFICIARIES.length);

interface Definition {
  typeDefs: string;
  resolvers: Record<string, Record<string, unknown>>;
}

const DEFINITIONS: Record<string, Definition> = {
  protection: {
    typeDefs: `${LINK}
      type Beneficiary @key(fields: "id") {
        id: ID!  referenceCode: String!  related(first: Int): [Beneficiary!]!
      }
      type Query {
        beneficiaries(first: Int): [Beneficiary!]!  echo(text: String!): String!  failure: String
      }`,
    resolvers: {
      Query: {
        beneficiaries: (_: unknown, { first }: { first?: number }) => page(first),
        echo: (_: unknown, { text }: { text: string }) => text.length.toString(),
        failure: () => {
          throw new Error(LEAKY_ERROR_MESSAGE);
        },
      },
      Beneficiary: {
        __resolveReference: ({ id }: { id: string }) => BENEFICIARIES.find((b) => b.id === id),
        related: (_: unknown, { first }: { first?: number }) => page(first),
      },
    },
  },
  legal: {
    typeDefs: `${LINK}
      type Beneficiary @key(fields: "id") { id: ID!  legalCaseCount: Int }
      type Query { legalStatus: String }`,
    resolvers: {
      Query: { legalStatus: () => 'ok' },
      Beneficiary: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        legalCaseCount: ({ id }: { id: string }) => Number(id.slice(2)) * 10,
      },
    },
  },
  relief: {
    typeDefs: `${LINK}
      type Beneficiary @key(fields: "id") { id: ID!  reliefDistributionCount: Int }
      type Query { reliefStatus: String }`,
    resolvers: {
      Query: { reliefStatus: () => 'ok' },
      Beneficiary: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        reliefDistributionCount: ({ id }: { id: string }) => Number(id.slice(2)) * 100,
      },
    },
  },
};

export class FakeSubgraph {
  readonly calls: SubgraphCall[] = [];
  private server?: ApolloServer<{ headers: IncomingHttpHeaders }>;
  port = 0;

  constructor(readonly name: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** Starts (again, on the same port after a stop). */
  async start(): Promise<void> {
    const { typeDefs, resolvers } = DEFINITIONS[this.name];
    const server = new ApolloServer<{ headers: IncomingHttpHeaders }>({
      schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
      // Like a service left in development mode: the gateway must not pass the stack on.
      includeStacktraceInErrorResponses: true,
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        {
          requestDidStart: async ({ request, contextValue }) => {
            const representations = request.variables?.representations;
            this.calls.push({
              headers: contextValue.headers,
              operationName: request.operationName ?? undefined,
              representations: Array.isArray(representations) ? representations.length : 0,
            });
          },
        },
      ],
    });
    const { url } = await startStandaloneServer(server, {
      listen: { port: this.port, host: '127.0.0.1' },
      context: async ({ req }) => ({ headers: req.headers }),
    });
    this.port = Number(new URL(url).port);
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}

export async function startFakeSubgraphs(): Promise<Record<string, FakeSubgraph>> {
  const subgraphs = Object.fromEntries(
    Object.keys(DEFINITIONS).map((name) => [name, new FakeSubgraph(name)]),
  );
  await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.start()));
  return subgraphs;
}

/** The supergraph of the fake subgraphs, composed with their current URLs. */
export function fakeSupergraph(subgraphs: Record<string, FakeSubgraph>): string {
  const result = composeServices(
    Object.values(subgraphs).map(({ name, url }) => ({
      name,
      url,
      typeDefs: parse(DEFINITIONS[name].typeDefs),
    })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}
