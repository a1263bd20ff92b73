// What an adapter supplies to run the contract (its harness), and what each part of the contract
// runs with: the running test's harness, made fresh for each test, and new stream ids.
import type { EventStore, ExpectedVersion, NewEvent } from '../../event-store';
import type { Upcaster } from '../../upcasting';
import { newEventId } from '../../validation';

export interface OpenAppend {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface EventStoreHarness {
  /** A store over an empty log. */
  store: EventStore;
  /** Another store over the same log, with other options. */
  storeWith(options: { upcasters?: Upcaster[]; maxEventBytes?: number }): EventStore;
  /** Starts an append whose transaction stays open until commit() or rollback(). */
  beginAppend(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<OpenAppend>;
  tamper: {
    replaceData(globalPosition: number, data: object): Promise<void>;
    replaceMetadata(globalPosition: number, metadata: object): Promise<void>;
    deleteEvent(globalPosition: number): Promise<void>;
  };
  dispose(): Promise<void>;
}

/** What each part of the contract gets from `describeEventStoreContract`. */
export interface ContractContext {
  /** The running test's harness: each test has one of its own, disposed of after it. */
  harness(): EventStoreHarness;
  /** A stream id in `category` that no other test of this run of the contract uses. */
  newStream(category?: string): string;
}

/**
 * Gives each test of the enclosing describe a harness from `createHarness`, disposed of after
 * the test, and returns the context the contract's parts run with.
 */
export function useContractHarness(
  createHarness: () => Promise<EventStoreHarness>,
): ContractContext {
  let harness: EventStoreHarness;
  let streamCounter = 0;

  beforeEach(async () => {
    harness = await createHarness();
  });
  afterEach(async () => {
    await harness.dispose();
  });

  return {
    harness: () => harness,
    newStream: (category = 'contract_case') => `${category}-${++streamCounter}-${newEventId()}`,
  };
}
