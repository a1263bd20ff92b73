// An analyst's example: counts case notifications by form of exploitation and month, from the
// analysts' feed topic `haven.networks.case-notifications.v1`. It reads the topic from the
// beginning to its current end, skips re-sent messages (the same `haven-event-id` header), and
// prints a table (or JSON with --json). It needs Node 22+ and @platformatic/kafka, nothing of Haven.
//
//   KAFKA_BROKERS=127.0.0.1:9092 node tools/analytics/count-notifications.mjs [--json]
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, stringDeserializers } from '@platformatic/kafka';

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const topic = `${process.env.HAVEN_KAFKA_TOPIC_PREFIX ?? ''}haven.networks.case-notifications.v1`;

/** The offset each partition ends at now: reading stops there. */
async function endOffsets() {
  const admin = new Admin({ clientId: 'count-notifications', bootstrapBrokers: brokers });
  try {
    const metadata = await admin.metadata({ topics: [topic] });
    const partitions = metadata.topics.get(topic)?.partitionsCount ?? 0;
    const [listed] = await admin.listOffsets({
      topics: [
        {
          name: topic,
          partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({
            partitionIndex,
            timestamp: -1n,
          })),
        },
      ],
    });
    return new Map(
      listed.partitions
        .filter((partition) => partition.offset > 0n)
        .map((partition) => [partition.partitionIndex, partition.offset]),
    );
  } finally {
    await admin.close();
  }
}

async function main() {
  const counts = new Map(); // `${month} ${form}` → count
  const seen = new Set();
  const remaining = await endOffsets();
  if (remaining.size > 0) {
    const consumer = new Consumer({
      groupId: `count-notifications-${randomUUID()}`,
      clientId: 'count-notifications',
      bootstrapBrokers: brokers,
      deserializers: stringDeserializers,
    });
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
    for await (const message of stream) {
      const eventId = message.headers.get('haven-event-id');
      if (message.value && !seen.has(eventId)) {
        seen.add(eventId);
        const { type, data } = JSON.parse(message.value);
        if (type === 'CaseNotificationSubmitted') {
          const key = `${data.submittedOn.slice(0, 7)} ${data.formOfExploitation}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      if (message.offset + 1n >= (remaining.get(message.partition) ?? 0n)) {
        remaining.delete(message.partition);
      }
      if (remaining.size === 0) break;
    }
    await stream.close();
    await consumer.close(true);
  }
  const rows = [...counts]
    .map(([key, count]) => {
      const [month, form] = key.split(' ');
      return { month, formOfExploitation: form, notifications: count };
    })
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) || a.formOfExploitation.localeCompare(b.formOfExploitation),
    );
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  console.log(`Case notifications by month and form of exploitation (${topic}):`);
  console.log(`${'month'.padEnd(8)}  ${'form of exploitation'.padEnd(28)}  notifications`);
  for (const row of rows) {
    console.log(
      `${row.month.padEnd(8)}  ${row.formOfExploitation.padEnd(28)}  ${row.notifications}`,
    );
  }
  const total = rows.reduce((sum, row) => sum + row.notifications, 0);
  console.log(`${'total'.padEnd(8)}  ${''.padEnd(28)}  ${total}`);
}

main().catch((error) => {
  console.error(`count-notifications: ${error.message}`);
  process.exit(1);
});
