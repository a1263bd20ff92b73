// Limits on the shape of a GraphQL operation, as graphql-js validation rules: Apollo Server's
// `validationRules` at the gateway, and the NestJS subgraphs' GraphQL module, take them as they
// are. Validation sees the document only, never the variables, and Apollo Server validates each
// distinct document once (it caches the result), so these rules cost nothing on repeated queries.
//
// How each limit counts:
// - depth: fields nested in fields (`{ a { b } }` is 2 levels), fragments followed;
// - aliases: every alias of the operation and of each fragment it uses (each fragment once);
// - cost: each field costs 1 times the sizes of the lists around it (see `maxCostRule`).
// Introspection (`__schema`, `__type`) counts for aliases only: its shape is fixed by graphql-js,
// Apollo Server turns it off in production, and graphql-js's own MaxIntrospectionDepthRule (one
// of its specified rules) already bounds how deep it may nest.
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export interface GraphQLLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Highest estimated cost (see `maxCostRule`). */
  maxCost: number;
  /** Most tokens in a document, for the parser (`parseOptions: { maxTokens }`). */
  maxTokens: number;
  /**
   * Deepest nesting of `{`, `[` and `(` in a document's text, checked before it is parsed
   * (document-nesting.ts): the parser's recursion would overflow the stack first.
   */
  maxNesting: number;
  /** The size assumed for a list whose size the document does not fix (see `maxCostRule`). */
  defaultListSize: number;
}

/**
 * Haven's limits. Its real operations are 4 or 5 levels deep (beneficiaries → edges → node →
 * field) and its largest, a page of 100 beneficiaries with every subgraph's count, costs about
 * 1,400; the aliases a client needs are a handful.
 */
export const defaultGraphQLLimits: Readonly<GraphQLLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5_000,
  maxTokens: 5_000,
  maxNesting: 64,
  defaultListSize: 100,
});

export interface CostOptions {
  /** Assumed size of a list not sized by a literal argument (Haven's pages hold at most 100). */
  defaultListSize?: number;
  /** Arguments that size a list or connection; by default `first`, `last` and `limit`. */
  sizeArguments?: readonly string[];
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
const DEFAULT_SIZE_ARGUMENTS = ['first', 'last', 'limit'];

function refusal(message: string, operation: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: [operation],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** A rule that measures each operation of the document and refuses it above `max`. */
function perOperation(
  measure: (context: ValidationContext, operation: OperationDefinitionNode) => number,
  message: (operation: OperationDefinitionNode, measured: number) => string,
  max: number,
): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const measured = measure(context, operation);
      if (measured > max) context.reportError(refusal(message(operation, measured), operation));
    },
  });
}

/**
 * Refuses an operation whose fields nest more than `max` levels. Fragments count where they are
 * spread; a fragment cycle (refused by graphql-js's own NoFragmentCyclesRule) adds nothing here.
 */
export function maxDepthRule(max: number): ValidationRule {
  return perOperation(
    (context, operation) => {
      const depthOfFragment = new Map<string, number>();
      const entered = new Set<string>();
      const depthOf = (selectionSet: SelectionSetNode): number => {
        let deepest = 0;
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
            const below = selection.selectionSet ? depthOf(selection.selectionSet) : 0;
            deepest = Math.max(deepest, 1 + below);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            deepest = Math.max(deepest, depthOf(selection.selectionSet));
          } else {
            const name = selection.name.value;
            let depth = depthOfFragment.get(name);
            if (depth === undefined) {
              const fragment = context.getFragment(name);
              if (!fragment || entered.has(name)) continue;
              entered.add(name);
              depth = depthOf(fragment.selectionSet);
              entered.delete(name);
              depthOfFragment.set(name, depth);
            }
            deepest = Math.max(deepest, depth);
          }
        }
        return deepest;
      };
      return depthOf(operation.selectionSet);
    },
    (operation, depth) =>
      `The ${operation.operation} is ${depth} levels deep; at most ${max} are allowed.`,
    max,
  );
}

/**
 * Refuses an operation with more than `max` aliases: aliases are how one request asks for the
 * same field many times. Counts the operation's and those of every fragment it uses, each
 * fragment once however often it is spread.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return perOperation(
    (context, operation) => {
      const counted = new Set<string>();
      const aliasesIn = (selectionSet: SelectionSetNode): number => {
        let aliases = 0;
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            if (selection.alias) aliases += 1;
            if (selection.selectionSet) aliases += aliasesIn(selection.selectionSet);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            aliases += aliasesIn(selection.selectionSet);
          } else {
            const fragment = context.getFragment(selection.name.value);
            if (!fragment || counted.has(fragment.name.value)) continue;
            counted.add(fragment.name.value);
            aliases += aliasesIn(fragment.selectionSet);
          }
        }
        return aliases;
      };
      return aliasesIn(operation.selectionSet);
    },
    (operation, aliases) =>
      `The ${operation.operation} uses ${aliases} aliases; at most ${max} are allowed.`,
    max,
  );
}

/**
 * Refuses an operation whose estimated cost is above `max`. Each field costs 1, times the sizes of
 * the lists that enclose it, so `{ a(first: 10) { b c } }` costs 1 + 10 × 2 = 21. A field's size:
 *
 * - a size argument (`first`, `last`, `limit`) written as a literal: its value;
 * - a size argument given by a variable: `defaultListSize`, since validation cannot see
 *   variables (and a variable may hold anything up to the largest page the schema serves);
 * - a size argument left out: its default in the schema, if any, else as a list without one;
 * - a list without a size argument: `defaultListSize`, unless it sits right under a sized field
 *   that is not a list itself (a Relay connection's `edges` or `nodes`), whose size it shares.
 *
 * Every fragment spread counts (each is priced once, so nesting spreads cannot make the
 * measurement itself slow); every branch of a union or interface counts, as if all matched.
 */
export function maxCostRule(max: number, options: CostOptions = {}): ValidationRule {
  return perOperation(
    (context, operation) => operationCost(context, operation, options),
    (operation, cost) =>
      `The ${operation.operation}'s estimated cost is ${readable(cost)} (each field counts once ` +
      `per item of the lists around it); at most ${max} is allowed.`,
    max,
  );
}

/** The estimated cost of one operation, as `maxCostRule` counts it. */
export function operationCost(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  options: CostOptions = {},
): number {
  const defaultListSize = options.defaultListSize ?? defaultGraphQLLimits.defaultListSize;
  const sizeArguments = options.sizeArguments ?? DEFAULT_SIZE_ARGUMENTS;
  const schema = context.getSchema();
  // The cost of a selection set is linear in the size of the lists around it, so each fragment
  // is priced once at size 1 (per whether it sits right under a sized connection) and scaled.
  const fragmentCost = new Map<string, number>();
  const entered = new Set<string>();

  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown>) => {
    for (const name of sizeArguments) {
      const argument = field.arguments?.find((a) => a.name.value === name);
      if (argument) return literalSize(argument.value) ?? defaultListSize;
    }
    for (const name of sizeArguments) {
      const declared = definition.args.find((a) => a.name === name);
      if (declared && typeof declared.defaultValue === 'number') return declared.defaultValue;
    }
    return undefined;
  };

  const costOf = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    underConnection: boolean,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        cost += 1;
        const definition = fieldOf(type, selection.name.value);
        if (!selection.selectionSet || !definition) continue;
        const list = isListType(getNullableType(definition.type));
        const size = sizeOf(selection, definition);
        const multiplier = size ?? (list && !underConnection ? defaultListSize : 1);
        const connection = size !== undefined && !list;
        cost +=
          multiplier * costOf(selection.selectionSet, getNamedType(definition.type), connection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const inner = condition ? schema.getType(condition) : type;
        cost += costOf(selection.selectionSet, inner, underConnection);
      } else {
        const fragment = context.getFragment(selection.name.value);
        if (fragment) cost += costOfFragment(fragment, underConnection);
      }
    }
    return cost;
  };

  const costOfFragment = (fragment: FragmentDefinitionNode, underConnection: boolean) => {
    const key = `${fragment.name.value}:${underConnection}`;
    let cost = fragmentCost.get(key);
    if (cost === undefined) {
      if (entered.has(key)) return 0; // a cycle, refused by NoFragmentCyclesRule
      entered.add(key);
      const type = schema.getType(fragment.typeCondition.name.value);
      cost = costOf(fragment.selectionSet, type, underConnection);
      entered.delete(key);
      fragmentCost.set(key, cost);
    }
    return cost;
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return costOf(operation.selectionSet, root ?? undefined, false);
}

function fieldOf(
  type: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  // Unions have no fields of their own; unknown fields are FieldsOnCorrectTypeRule's business.
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** A whole number as digits, however large (a fragment bomb's cost is astronomical). */
function readable(count: number): string {
  return Number.isSafeInteger(count) ? String(count) : `over ${Number.MAX_SAFE_INTEGER}`;
}

function literalSize(value: ValueNode): number | undefined {
  if (value.kind !== Kind.INT) return undefined;
  return Math.max(0, Number(value.value));
}

/** All of Haven's limit rules, for `validationRules`; `limits` overrides the defaults. */
export function graphqlLimitRules(limits: Partial<GraphQLLimits> = {}): ValidationRule[] {
  const { maxDepth, maxAliases, maxCost, defaultListSize } = { ...defaultGraphQLLimits, ...limits };
  return [
    maxDepthRule(maxDepth),
    maxAliasesRule(maxAliases),
    maxCostRule(maxCost, { defaultListSize }),
  ];
}
