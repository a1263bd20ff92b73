/** PostgreSQL's type id of json. */
const JSON_OID = 114;

/**
 * A json[] of these JSON texts in PostgreSQL's binary array format. pg sends a Buffer as a binary
 * parameter, so the server takes each element's bytes as they are: no quoting and unquoting of
 * an array literal, and no JSON array around the elements to parse once as a whole and again to
 * split. Each element is still checked as JSON, once, on receipt.
 */
export function jsonArray(texts: readonly string[]): Buffer {
  const lengths = texts.map((t) => Buffer.byteLength(t));
  let size = texts.length === 0 ? 12 : 20 + 4 * texts.length;
  for (const length of lengths) size += length;
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(texts.length === 0 ? 0 : 1, 0); // dimensions
  buffer.writeInt32BE(0, 4); // no nulls
  buffer.writeUInt32BE(JSON_OID, 8);
  if (texts.length === 0) return buffer;
  buffer.writeInt32BE(texts.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let offset = 20;
  for (let i = 0; i < texts.length; i++) {
    buffer.writeInt32BE(lengths[i], offset);
    offset += 4;
    offset += buffer.write(texts[i], offset, lengths[i], 'utf8');
  }
  return buffer;
}
