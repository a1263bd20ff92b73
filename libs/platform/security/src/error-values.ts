// graphql-js quotes the values it refuses in its error messages, and a value may hold personal
// data. The gateway and the subgraphs both word such errors with the rule, never the value.

// The rules graphql-js states without quoting a value: field names and types only.
const VALUE_FREE_RULE =
  /^(Field "\w+" is not defined by type|Field "\w+" of required type|Expected type "\w+" to be an object|Expected value of type "[\w![\]]+", found null)/;

/**
 * `Variable "$input" got invalid value { givenName: "…" } at "input.personal"; …` becomes the
 * variable, the path and the rule.
 */
function withoutVariableValue(message: string): string {
  const head = /^Variable "\$(\w+)" got invalid value /.exec(message);
  if (!head) return message;
  // The value comes first and may contain anything; the path and the rule are after its end.
  const split = message.lastIndexOf('; ');
  const path = split > 0 ? / at "([\w.[\]]+)"$/.exec(message.slice(0, split))?.[1] : undefined;
  const rule = split > 0 ? message.slice(split + 2) : '';
  return (
    `Variable "$${head[1]}" got an invalid value${path ? ` at "${path}"` : ''}: ` +
    (VALUE_FREE_RULE.test(rule) ? rule : 'it does not match the expected type.')
  );
}

/**
 * A literal in the query text: `Expected value of type "Int", found "…"` and `Int cannot
 * represent non-integer value: "…"` keep the type and the rule, without the literal.
 */
function withoutLiteralValue(message: string): string {
  if (VALUE_FREE_RULE.test(message)) return message;
  const expected = /^Expected value of type "([^"]+)", found [\s\S]*$/.exec(message);
  if (expected) return `Expected value of type "${expected[1]}", found a value that is not one.`;
  const scalar = /^([\w" ]+ cannot represent [\w -]+ value): [\s\S]*$/.exec(message);
  if (scalar) return `${scalar[1]}.`;
  return message;
}

/** An error message with any value graphql-js quoted in it taken out. */
export function withoutQuotedValues(message: string): string {
  return withoutLiteralValue(withoutVariableValue(message));
}
