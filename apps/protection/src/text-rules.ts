// Patterns for free text that clients send (class-validator `Matches`).

/** Not only whitespace. */
export const NOT_BLANK = /\S/;
/** One line: no control characters at all. */
// eslint-disable-next-line no-control-regex
export const SINGLE_LINE = /^[^\x00-\x1F\x7F-\x9F]*$/;
/** Free text: no control characters but line breaks and tabs. */
// eslint-disable-next-line no-control-regex
export const FREE_TEXT = /^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$/;
