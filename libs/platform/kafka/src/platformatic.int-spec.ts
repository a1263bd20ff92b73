// The publisher against a real broker: a batch larger than the broker takes in one request.
import { randomBytes } from 'node:crypto';
import type { OutgoingMessage } from './kafka-port';
import { MAX_REQUEST_BYTES, slicesOf } from './platformatic';
import { readAllMessages, testKafka } from './testing';

const message = (index: number, valueBytes = 300): OutgoingMessage => ({
  topic: 't',
  key: `stream-${index % 7}`,
  value: JSON.stringify({ index, padding: 'x'.repeat(valueBytes) }),
  headers: { 'haven-event-id': `event-${index}` },
});

describe('slicing a batch into produce requests', () => {
  it('given messages over the request size, then consecutive slices within it, in order, none lost', () => {
    const messages = Array.from({ length: 5000 }, (_, index) => message(index));
    const slices = slicesOf(messages, MAX_REQUEST_BYTES);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.flat()).toEqual(messages);
    for (const slice of slices) {
      const bytes = slice.reduce((sum, m) => sum + Buffer.byteLength(m.value ?? '') + 100, 0);
      expect(bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES + 100 * slice.length);
    }
  });

  it('given a single message larger than the size, then it is a slice of its own', () => {
    const slices = slicesOf([message(1), message(2, 2_000_000), message(3)], MAX_REQUEST_BYTES);
    expect(slices.map((slice) => slice.length)).toEqual([1, 1, 1]);
  });
});

describe('the publisher on a real broker', () => {
  it('given a batch of 3 MB for one partition (the broker takes 1 MiB a request), then every message is acknowledged and read back in order', async () => {
    const kafka = testKafka();
    const topic = `large-batch-${randomBytes(4).toString('hex')}`;
    const admin = kafka.admin('large-batch-admin');
    await admin.ensureTopics([{ name: topic, partitions: 1, config: {} }]);
    await admin.close();
    const messages = Array.from({ length: 10_000 }, (_, index) => ({
      ...message(index),
      topic,
    }));
    const publisher = kafka.publisher('large-batch');
    try {
      await publisher.send(messages);
    } finally {
      await publisher.close();
    }
    const read = await readAllMessages(kafka, [topic]);
    expect(read.map((m) => m.headers['haven-event-id'])).toEqual(
      messages.map((m) => m.headers['haven-event-id']),
    );
  }, 120_000);
});
