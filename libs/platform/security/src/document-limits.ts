import { GraphQLError } from 'graphql';

// graphql-js parses by recursive descent: each `{`, `[` or `(` nests a few more calls. A document
// of a few thousand nested selections overflows the stack ("Maximum call stack size exceeded")
// before the parser's token limit stops it. So the text is measured first, in one flat loop,
// and a document nested deeper than any real operation is refused before the parser sees it.

/**
 * Whether the GraphQL document's braces, brackets and parentheses nest more than `max` levels
 * deep. Strings, block strings and comments are skipped; the rest of the syntax is the parser's
 * business (an unbalanced document passes here and fails there).
 */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      // { [ (
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      // } ] )
      if (depth > 0) depth--;
    } else if (c === 0x23) {
      // # a comment, to the end of the line
      while (i + 1 < end && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
    } else if (c === 0x22) {
      i = text.startsWith('"""', i) ? endOfBlockString(text, i + 3) : endOfString(text, i + 1);
    }
  }
  return false;
}

/** The index of the closing `"` of a string whose text starts at `i` (or of the line's end). */
function endOfString(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x0a || c === 0x0d) return i;
    i += c === 0x5c ? 2 : 1; // a backslash escapes the next character
  }
  return i;
}

/** The index of the last `"` of the `"""` that closes a block string starting at `i`. */
function endOfBlockString(text: string, i: number): number {
  while (i < text.length) {
    if (text.startsWith('\\"""', i)) i += 4;
    else if (text.startsWith('"""', i)) return i + 2;
    else i++;
  }
  return i;
}

/** The parser's wording, with the code Apollo Server gives a syntax error. */
export function tooDeeplyNestedMessage(max: number): string {
  return `Syntax Error: Document nests more than ${max} levels. Parsing aborted.`;
}

/**
 * The error for a request whose document holds no operation to run (operationName names none
 * of its operations, or it holds several and none is named): a 400 that quotes nothing the
 * client sent. Thrown from an Apollo Server plugin's `didResolveOperation`.
 */
export function operationNotFoundError(): GraphQLError {
  return new GraphQLError(
    'The document holds no operation to run: operationName must name one of its operations, ' +
      'and is required when it holds more than one.',
    { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
  );
}
