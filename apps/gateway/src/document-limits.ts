// Documents refused before Apollo Server parses them: graphql-js's recursive parser overflows the
// stack on a few thousand nested selections before its token limit (maxTokens) is reached.
import { nestingExceeds, tooDeeplyNestedMessage } from '@haven/platform/security';
import { sendClientError } from './client-errors';
import type { Handler } from './express';

/**
 * Refuses, with 400 GRAPHQL_PARSE_FAILED, a request whose document (in a POST body, a batch, or
 * a GET's query string) nests `{`, `[` or `(` more than `maxNesting` levels deep.
 */
export function refuseDeeplyNestedDocuments(maxNesting: number): Handler {
  return (request, response, next) => {
    const operations: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
    const documents = [
      ...operations.map((operation) => (operation as { query?: unknown } | null)?.query),
      request.query?.query,
    ];
    const tooDeep = documents.some(
      (document) => typeof document === 'string' && nestingExceeds(document, maxNesting),
    );
    if (!tooDeep) return next();
    sendClientError(response, 400, 'GRAPHQL_PARSE_FAILED', tooDeeplyNestedMessage(maxNesting));
  };
}
