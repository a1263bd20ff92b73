/**
 * The event store contract: written once against the port, run against every adapter
 * (PostgreSQL now; EventStoreDB wherever such a server is reachable). Each adapter supplies a
 * harness for what the port cannot express: holding an append open, and tampering as an
 * attacker with database access would.
 *
 * Each part of the contract is a module in contract/, declared in the order below; every test
 * gets a harness of its own (contract/harness.ts).
 */
import { describeAppendContract } from './contract/appends';
import { describeBadInputContract } from './contract/bad-input';
import { useContractHarness, type EventStoreHarness } from './contract/harness';
import { describeReadContract } from './contract/reads';
import { describeSubscriptionContract } from './contract/subscriptions';
import { describeTamperEvidenceContract } from './contract/tamper-evidence';
import { describeUpcastingContract } from './contract/upcasting';

export type { EventStoreHarness, OpenAppend } from './contract/harness';

export function describeEventStoreContract(
  adapter: string,
  createHarness: () => Promise<EventStoreHarness>,
): void {
  describe(`event store contract: ${adapter}`, () => {
    const contract = useContractHarness(createHarness);

    describeAppendContract(contract);
    describeReadContract(contract);
    describeSubscriptionContract(contract);
    describeUpcastingContract(contract);
    describeTamperEvidenceContract(contract);
    describeBadInputContract(contract);
  });
}
