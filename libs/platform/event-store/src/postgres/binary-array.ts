/** PostgreSQL's type ids for the element types sent here. */
export const JSON_OID = 114;

/**
 * A one-dimensional array of text-like values (json, text) in PostgreSQL's binary array format.
 * pg sends a Buffer as a binary parameter, so the server takes each element's bytes as they are:
 * no quoting and unquoting of an array literal, and no JSON array around the elements to parse
 * once as a whole and again to split. A json element is still checked as JSON, once, on receipt.
 */
export function binaryTextArray(values: readonly string[], elementOid: number): Buffer {
  const lengths = values.map((v) => Buffer.byteLength(v));
  let size = values.length === 0 ? 12 : 20 + 4 * values.length;
  for (const length of lengths) size += length;
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(values.length === 0 ? 0 : 1, 0); // dimensions
  buffer.writeInt32BE(0, 4); // no nulls
  buffer.writeUInt32BE(elementOid, 8);
  if (values.length === 0) return buffer;
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let offset = 20;
  for (let i = 0; i < values.length; i++) {
    buffer.writeInt32BE(lengths[i], offset);
    offset += 4;
    offset += buffer.write(values[i], offset, lengths[i], 'utf8');
  }
  return buffer;
}
