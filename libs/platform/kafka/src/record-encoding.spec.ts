import { createRecord, createRecordsBatch, Reader, readRecordsBatch } from '@platformatic/kafka';

/**
 * @platformatic/kafka encodes each record as Haven's patch does (patches/, ADR 15): one buffer a
 * record. The broker checks what the relay sends (platformatic.int-spec, relay.int-spec); this
 * checks the bytes against the library's own reader, edge by edge, without one.
 */
describe('record encoding (patched @platformatic/kafka)', () => {
  type Message = {
    topic: string;
    key?: Buffer | null;
    value?: Buffer | null;
    headers?: Map<Buffer, Buffer | null>;
    timestamp: bigint;
  };

  const bytes = (text: string) => Buffer.from(text);
  const first = 1_765_000_000_000n;
  const EDGES: Record<number, bigint> = {
    13: 1_000_000_000n,
    14: -1_000_000_000n,
    15: 1_000_000_001n,
    16: -1_500_000_000n,
  };

  function message(index: number): Message {
    return {
      topic: 'haven.test.v1',
      // Null and empty keys, and keys whose length's varint takes one byte or two.
      key: index % 7 === 0 ? null : bytes('k'.repeat([0, 1, 63, 64, 200][index % 5])),
      // Values whose length's varint takes two bytes or three, and a tombstone every eleventh.
      value: index % 11 === 0 ? null : bytes('v'.repeat([254, 8_191, 8_192, 70_000][index % 4])),
      headers:
        index % 5 === 0
          ? new Map()
          : new Map<Buffer, Buffer | null>([
              [bytes('haven-event-id'), bytes(`id-${index}`)],
              [bytes('haven-schema-version'), index % 3 === 0 ? null : bytes('1')],
            ]),
      // Timestamps before and after the first, at the edge of the patch's one-buffer path
      // (±10^9 ms) and past it, where the library's own path writes the record.
      timestamp: first + (EDGES[index] ?? BigInt(index % 9 === 0 ? -index : index * 1_000)),
    };
  }

  it('writes a record as one buffer (the patch is applied: `npm ci` runs patch-package)', () => {
    const record = createRecord(message(1) as never, 0, first);
    expect(record.dynamicBuffer.buffers).toHaveLength(1);
  });

  it('writes batches that the library reads back field for field', () => {
    const messages = Array.from({ length: 40 }, (_, index) => message(index));
    const batch = createRecordsBatch(
      messages.map((m) => ({ ...m })) as never,
      { producerId: 7n, producerEpoch: 1 } as never,
    );
    const read = readRecordsBatch(Reader.from(batch.buffer));

    expect(read.records).toHaveLength(messages.length);
    expect(read.firstTimestamp).toBe(first);
    read.records.forEach((record, index) => {
      const sent = messages[index];
      expect(record.offsetDelta).toBe(index);
      expect(BigInt(record.timestampDelta)).toBe(sent.timestamp - first);
      expect(record.key).toEqual(sent.key);
      expect(record.value).toEqual(sent.value);
      expect(record.headers).toEqual([...(sent.headers ?? new Map())]);
    });
  });

  it('gives each record the length it takes', () => {
    for (let index = 0; index < 40; index++) {
      const buffer = Buffer.concat(
        createRecord(message(index) as never, index, first).dynamicBuffer.buffers,
      );
      const reader = Reader.from(buffer);
      const length = reader.readVarInt();
      expect(reader.position + length).toBe(buffer.length);
    }
  });
});
