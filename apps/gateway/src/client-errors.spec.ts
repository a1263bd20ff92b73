import { formatError as formatSubgraphError } from '@haven/platform/nest';
import { formatClientError, GATEWAY_CLIENT_ERROR_CODES } from './client-errors';

describe('the errors a client sees from the gateway', () => {
  it.each([...GATEWAY_CLIENT_ERROR_CODES])('%s: a subgraph lets it through too', (code) => {
    const formatted = { message: 'For the client.', extensions: { code } };
    expect(formatSubgraphError(formatted, new Error('For the client.'))).toMatchObject(formatted);
  });

  const leaky = {
    message: 'relation "beneficiaries" violates constraint: Malee Srisuk',
    path: ['failure'],
    locations: [{ line: 1, column: 3 }],
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      serviceName: 'protection',
      stacktrace: ['Error: relation …', '    at resolver (beneficiaries.ts:1:1)'],
      exception: { query: 'INSERT INTO …' },
    },
  };

  it('in production, are generic unless their code is meant for clients', () => {
    const format = formatClientError(true);
    expect(format(leaky)).toEqual({
      message: 'Internal server error',
      path: ['failure'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(format({ message: 'no code at all' })).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(
      format({
        message: 'The country is not one Haven knows.',
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'UNKNOWN_COUNTRY',
          fields: [{ field: 'country', messages: ['unknown'] }],
          serviceName: 'protection',
          stacktrace: ['…'],
          debug: { sql: 'SELECT …' },
        },
      }),
    ).toEqual({
      message: 'The country is not one Haven knows.',
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_COUNTRY',
        fields: [{ field: 'country', messages: ['unknown'] }],
        serviceName: 'protection',
      },
    });
  });

  // graphql-js's wording when the gateway coerces a client's variables.
  const rejectedVariables = [
    'Variable "$input" got invalid value { givenName: "Malee", nickname: "Srisuk" } at "input.personal"; Field "nickname" is not defined by type "PersonalDetailsInput".',
    'Variable "$input" got invalid value { number: "+66 81 234 5678" } at "input.personal.phone"; String cannot represent a non string value: { number: "+66 81 234 5678" }',
    'Variable "$input" got invalid value "Malee; Srisuk" at "input.minor"; Boolean cannot represent a non boolean value: "Malee; Srisuk"',
    'Variable "$id" got invalid value ["Malee"]; ID cannot represent value: ["Malee"]',
  ];

  it.each([true, false])(
    'never quote a variable’s rejected value (production: %s), as the subgraphs word it',
    (production) => {
      for (const message of rejectedVariables) {
        const formatted = { message, extensions: { code: 'BAD_USER_INPUT' } };
        const answer = formatClientError(production)(formatted);
        expect(answer.message).not.toMatch(/Malee|Srisuk|\+66/);
        expect(answer.message).toBe(formatSubgraphError(formatted, new Error(message)).message);
      }
      expect(formatClientError(production)({ message: rejectedVariables[0] }).message).not.toMatch(
        /Malee/,
      );
    },
  );

  it('in development, keep their message and details but never a stack', () => {
    expect(formatClientError(false)(leaky)).toEqual({
      message: leaky.message,
      path: ['failure'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'protection' },
    });
  });
});
