import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import {
  defaultGraphQLLimits,
  graphqlLimitRules,
  maxAliasesRule,
  maxCostRule,
  maxDepthRule,
} from './graphql-limits';

const schema = buildSchema(`
  type Query {
    case(id: ID!): Case
    cases(first: Int, after: String): [Case!]!
    connection(first: Int! = 20): CaseConnection!
    recent(limit: Int): [Case!]!
    tags: [String!]!
    search: [Result!]!
    hello: String
  }
  type Mutation { openCase(title: String!): Case! }
  type Case { id: ID! title: String! notes(first: Int): [Note!]! parent: Case }
  type Note { id: ID! text: String! case: Case! }
  type CaseConnection { edges: [CaseEdge!]! nodes: [Case!]! total: Int! }
  type CaseEdge { cursor: String! node: Case! }
  union Result = Case | Note
`);

function errorsOf(query: string, rules: ValidationRule[]) {
  return validate(schema, parse(query), rules);
}

function messagesOf(query: string, rules: ValidationRule[]): string[] {
  return errorsOf(query, rules).map((error) => error.message);
}

/** `{ case(id: 1) { parent { parent { … { id } } } } }` with `levels` levels of fields. */
function nested(levels: number): string {
  return `{ case(id: 1) { ${'parent { '.repeat(levels - 2)}id${' }'.repeat(levels - 1)} }`;
}

describe('maxDepthRule', () => {
  it('accepts an operation at the limit and refuses one a level deeper, saying both numbers', () => {
    expect(messagesOf(nested(5), [maxDepthRule(5)])).toEqual([]);
    expect(messagesOf(nested(6), [maxDepthRule(5)])).toEqual([
      'The query is 6 levels deep; at most 5 are allowed.',
    ]);
  });

  it('gives the refusal the GRAPHQL_VALIDATION_FAILED code and points at the operation', () => {
    const [error] = errorsOf(`mutation Open { openCase(title: "x") { parent { id } } }`, [
      maxDepthRule(2),
    ]);
    expect(error.message).toBe('The mutation is 3 levels deep; at most 2 are allowed.');
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('follows named and inline fragments where they are spread', () => {
    const query = `
      query { case(id: 1) { ...Up } }
      fragment Up on Case { parent { ... on Case { parent { ...Leaf } } } }
      fragment Leaf on Case { parent { id } }`;
    expect(messagesOf(query, [maxDepthRule(4)])).toEqual([
      'The query is 5 levels deep; at most 4 are allowed.',
    ]);
    expect(messagesOf(query, [maxDepthRule(5)])).toEqual([]);
  });

  it('terminates on a fragment cycle, which graphql-js refuses for its own reason', () => {
    const query = `
      query { case(id: 1) { ...A } }
      fragment A on Case { parent { ...B } }
      fragment B on Case { parent { ...A } }`;
    expect(messagesOf(query, [maxDepthRule(10)])).toEqual([]);
    expect(messagesOf(query, [...specifiedRules, maxDepthRule(10)])).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
  });

  it('measures each operation of a document on its own', () => {
    const query = `query Shallow { hello } query Deep ${nested(4)}`;
    expect(messagesOf(query, [maxDepthRule(3)])).toEqual([
      'The query is 4 levels deep; at most 3 are allowed.',
    ]);
  });

  it('does not count introspection, which graphql-js bounds itself', () => {
    expect(messagesOf(getIntrospectionQuery(), [maxDepthRule(2)])).toEqual([]);
    expect(messagesOf(`{ __typename case(id: 1) { __typename } }`, [maxDepthRule(2)])).toEqual([]);
  });
});

describe('maxAliasesRule', () => {
  const aliases = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: hello`).join(' ')} }`;

  it('accepts an operation at the limit and refuses one above it', () => {
    expect(messagesOf(aliases(3), [maxAliasesRule(3)])).toEqual([]);
    expect(messagesOf(aliases(1000), [maxAliasesRule(3)])).toEqual([
      'The query uses 1000 aliases; at most 3 are allowed.',
    ]);
  });

  it('counts the aliases of nested fields and of fragments, each fragment once', () => {
    const query = `
      query { x: case(id: 1) { y: title ...F ...F } z: hello }
      fragment F on Case { p: parent { q: id } }`;
    expect(messagesOf(query, [maxAliasesRule(5)])).toEqual([]);
    expect(messagesOf(query, [maxAliasesRule(4)])).toEqual([
      'The query uses 5 aliases; at most 4 are allowed.',
    ]);
  });
});

describe('maxCostRule', () => {
  const costOf = (query: string): number | undefined => {
    // The cost a rule with a limit of 0 reports: every operation costs at least 1.
    const [error] = errorsOf(query, [maxCostRule(0)]);
    const match = error?.message.match(/estimated cost is (\d+)/);
    return match ? Number(match[1]) : undefined;
  };

  it('counts each field once, times the literal sizes of the lists around it', () => {
    expect(costOf(`{ hello }`)).toBe(1);
    expect(costOf(`{ cases(first: 10) { id title } }`)).toBe(1 + 10 * 2);
    expect(costOf(`{ cases(first: 10) { id notes(first: 5) { id text } } }`)).toBe(
      1 + 10 * (1 + 1 + 5 * 2),
    );
    expect(costOf(`{ recent(limit: 3) { id } }`)).toBe(1 + 3);
  });

  it('assumes the default list size for a list without a size, or sized by a variable', () => {
    expect(costOf(`{ cases { id } }`)).toBe(1 + 100);
    expect(costOf(`query ($n: Int = 2) { cases(first: $n) { id } }`)).toBe(1 + 100);
    expect(errorsOf(`{ cases { id } }`, [maxCostRule(0, { defaultListSize: 7 })])[0].message).toBe(
      "The query's estimated cost is 8 (each field counts once per item of the lists around " +
        'it); at most 0 is allowed.',
    );
  });

  it('counts a list of scalars as one field', () => {
    expect(costOf(`{ tags }`)).toBe(1);
  });

  it('sizes a connection by its argument, or the argument’s default, and counts its edges once', () => {
    expect(costOf(`{ connection(first: 10) { total edges { cursor node { id title } } } }`)).toBe(
      1 + 10 * (1 + 1 + 1 * (1 + 1 + 2)),
    );
    expect(costOf(`{ connection { nodes { id } } }`)).toBe(1 + 20 * (1 + 1));
  });

  it('prices fragments where they are spread, every branch of a union included', () => {
    const query = `
      query { cases(first: 10) { ...C } search { ... on Case { id } ... on Note { id text } } }
      fragment C on Case { id notes(first: 2) { id } }`;
    expect(costOf(query)).toBe(1 + 10 * (1 + 1 + 2 * 1) + 1 + 100 * 3);
  });

  const fragments60 = () =>
    Array.from(
      { length: 20 },
      (_, i) => ` fragment F${i + 41} on Case { parent { ...F${i + 40} ...F${i + 40} } }`,
    ).join('');

  it('measures a fragment bomb quickly, and refuses it', () => {
    // Each fragment spreads the one before twice: 2^40 fields once expanded.
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i + 1} on Case { parent { ...F${i} ...F${i} } }`,
    );
    const query = `{ case(id: 1) { ...F40 } } fragment F0 on Case { id } ${fragments.join(' ')}`;
    const started = Date.now();
    const cost = costOf(query);
    expect(Date.now() - started).toBeLessThan(500);
    expect(cost).toBe(2 ** 41);
    const deeper = query.replace('...F40', '...F60') + fragments60();
    expect(messagesOf(deeper, [maxCostRule(defaultGraphQLLimits.maxCost)])).toEqual([
      "The query's estimated cost is over 9007199254740991 (each field counts once per item " +
        'of the lists around it); at most 5000 is allowed.',
    ]);
  });

  it('accepts an operation at the limit and refuses one above it', () => {
    expect(messagesOf(`{ cases(first: 10) { id title } }`, [maxCostRule(21)])).toEqual([]);
    expect(messagesOf(`{ cases(first: 10) { id title } }`, [maxCostRule(20)])).toHaveLength(1);
  });

  it('does not count introspection', () => {
    expect(costOf(`{ __schema { types { fields { name } } } hello }`)).toBe(1);
  });
});

describe('graphqlLimitRules', () => {
  it('holds all three limits, at the defaults unless overridden', () => {
    expect(defaultGraphQLLimits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 5_000,
      maxTokens: 5_000,
      maxNesting: 64,
      defaultListSize: 100,
    });
    const rules = graphqlLimitRules({ maxDepth: 2 });
    expect(rules).toHaveLength(3);
    const hostile = `{ cases(first: 100) { notes(first: 100) { case { parent { id } } } } }`;
    expect(messagesOf(hostile, rules)).toEqual([
      'The query is 5 levels deep; at most 2 are allowed.',
      "The query's estimated cost is 30101 (each field counts once per item of the lists " +
        'around it); at most 5000 is allowed.',
    ]);
    expect(messagesOf(hostile, graphqlLimitRules())).toEqual([
      "The query's estimated cost is 30101 (each field counts once per item of the lists " +
        'around it); at most 5000 is allowed.',
    ]);
  });

  it('passes a realistic paged query, and the standard introspection query', () => {
    const page = `query Cases($first: Int!, $after: String) {
      cases(first: $first, after: $after) { id title parent { id title } notes(first: 10) { id text } }
    }`;
    expect(errorsOf(page, [...specifiedRules, ...graphqlLimitRules()])).toEqual([]);
    expect(errorsOf(getIntrospectionQuery(), [...specifiedRules, ...graphqlLimitRules()])).toEqual(
      [],
    );
  });
});
