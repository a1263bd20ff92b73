/**
 * Array parameters built directly instead of through pg's generic array serialiser, which
 * escapes every element with two regular expressions, and PostgreSQL then unquotes (for the
 * event store's batch of ids, types, schema versions and digests, about a third of a microsecond
 * per event; for a read model's rows, most of what Node spends sending them).
 */

/** PostgreSQL's type ids of text, json and bytea. */
const TEXT_OID = 25;
const JSON_OID = 114;
const BYTEA_OID = 17;

/**
 * A text[] of these values in PostgreSQL's binary array format, null elements included: the
 * server takes each element's bytes as they are, to be cast to a column's type as a text
 * parameter would be (see jsonArray).
 */
export function textArray(values: readonly (string | null)[]): Buffer {
  const lengths = values.map((v) => (v === null ? -1 : Buffer.byteLength(v)));
  const { buffer, offset: start } = arrayHeader(TEXT_OID, values.length, lengths);
  let offset = start;
  for (let i = 0; i < values.length; i++) {
    buffer.writeInt32BE(lengths[i], offset);
    offset += 4;
    if (lengths[i] > 0) offset += buffer.write(values[i] as string, offset, lengths[i], 'utf8');
  }
  return buffer;
}

/**
 * A json[] of these JSON texts in PostgreSQL's binary array format. pg sends a Buffer as a binary
 * parameter, so the server takes each element's bytes as they are: no quoting and unquoting of
 * an array literal, and no JSON array around the elements to parse once as a whole and again to
 * split. Each element is still checked as JSON, once, on receipt.
 */
export function jsonArray(texts: readonly string[]): Buffer {
  const lengths = texts.map((t) => Buffer.byteLength(t));
  const { buffer, offset: start } = arrayHeader(JSON_OID, texts.length, lengths);
  let offset = start;
  for (let i = 0; i < texts.length; i++) {
    buffer.writeInt32BE(lengths[i], offset);
    offset += 4;
    offset += buffer.write(texts[i], offset, lengths[i], 'utf8');
  }
  return buffer;
}

/**
 * A value as the text PostgreSQL reads for a column of its type, as pg would send it as a text
 * parameter (a Date in ISO form, a Buffer as bytea's hex form, an object as JSON); null and
 * undefined are null.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A bytea[] of these byte strings in PostgreSQL's binary array format (see jsonArray). */
export function byteaArray(values: readonly Buffer[]): Buffer {
  const { buffer, offset: start } = arrayHeader(
    BYTEA_OID,
    values.length,
    values.map((v) => v.length),
  );
  let offset = start;
  for (const value of values) {
    buffer.writeInt32BE(value.length, offset);
    offset += 4 + value.copy(buffer, offset + 4);
  }
  return buffer;
}

/**
 * A one-dimensional array's header, and where its elements start. An element of length -1 is a
 * null (its bytes are none).
 */
function arrayHeader(
  oid: number,
  count: number,
  lengths: readonly number[],
): { buffer: Buffer; offset: number } {
  let size = count === 0 ? 12 : 20 + 4 * count;
  let nulls = 0;
  for (const length of lengths) {
    if (length < 0) nulls = 1;
    else size += length;
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(count === 0 ? 0 : 1, 0); // dimensions
  buffer.writeInt32BE(nulls, 4); // whether any element is null
  buffer.writeUInt32BE(oid, 8);
  if (count === 0) return { buffer, offset: 12 };
  buffer.writeInt32BE(count, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  return { buffer, offset: 20 };
}

/**
 * An array literal of values that validation has limited to characters an array literal takes
 * as they are (stream ids, categories, UUIDs, event types, integers: no quotes, backslashes,
 * commas, braces or spaces). Each element is quoted, so that an event type named `NULL` stays a
 * name.
 */
export function plainArrayLiteral(values: readonly (string | number)[]): string {
  return `{"${values.join('","')}"}`;
}
