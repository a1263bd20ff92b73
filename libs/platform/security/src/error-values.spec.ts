import { buildSchema, graphql } from 'graphql';
import { withoutQuotedValues } from './error-values';

const schema = buildSchema(`
  input Person { givenName: String  age: Int }
  type Query { count(limit: Int, person: Person): Int }
`);

async function messagesOf(source: string, variableValues?: Record<string, unknown>) {
  const { errors } = await graphql({ schema, source, variableValues, rootValue: { count: 1 } });
  return (errors ?? []).map((error) => withoutQuotedValues(error.message));
}

describe('withoutQuotedValues', () => {
  it('takes a literal out of the message, keeping the expected type', async () => {
    const messages = await messagesOf('{ count(limit: "Malee Srisuk") }');
    expect(messages).toEqual(['Int cannot represent non-integer value.']);
    const nested = await messagesOf('{ count(person: { givenName: 7, age: "Malee" }) }');
    expect(nested.join(' ')).not.toMatch(/Malee|7/);
    expect(
      withoutQuotedValues('Expected value of type "Country", found "Malee Srisuk"; nope'),
    ).toBe('Expected value of type "Country", found a value that is not one.');
  });

  it('takes a variable value out, keeping the variable, the path and a value-free rule', async () => {
    const wrongType = await messagesOf('query ($p: Person) { count(person: $p) }', {
      p: { givenName: 'Malee Srisuk', age: 'Srisuk 1999-03-04' },
    });
    expect(wrongType.join(' ')).not.toMatch(/Malee|Srisuk|1999/);
    expect(wrongType[0]).toMatch(/^Variable "\$p" got an invalid value at "p.age": /);

    const unknownField = await messagesOf('query ($p: Person) { count(person: $p) }', {
      p: { givenName: 'Malee Srisuk', nickname: 'Mali' },
    });
    expect(unknownField).toEqual([
      'Variable "$p" got an invalid value: Field "nickname" is not defined by type "Person". Did you mean "givenName"?',
    ]);
  });

  it('leaves messages without values alone', () => {
    expect(withoutQuotedValues('Cannot query field "x" on type "Query".')).toBe(
      'Cannot query field "x" on type "Query".',
    );
  });
});
