import { stopTestKafka } from '../kafka/jest-kafka.mjs';

export default async function globalTeardown() {
  await Promise.all([globalThis.__havenDatabaseServer?.stop(), stopTestKafka()]);
}
