// Talking to Haven: a GraphQL client per actor (a watchdog, a network coordinator, a protection
// officer, each with a token of its own) and a pool for reading the read models directly.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { System } from '../../../apps/gateway/src/testing/system';
import { COUNTRIES } from './settings';

export class Client {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async request<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Data;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length || !body.data) {
      const [first] = body.errors ?? [];
      throw new Error(
        `HTTP ${response.status}: ${first?.extensions?.code ?? 'ERROR'}: ${first?.message ?? 'no data'}`,
      );
    }
    return body.data;
  }
}

export interface Actors {
  watchdog: Client;
  coordinator: Client;
  officer: Client;
  sql: Pool;
}

export async function actorsOf(system: System, sql: Pool): Promise<Actors> {
  const countries = [...COUNTRIES];
  const coordinator = new Client(
    system.gatewayUrl,
    await system.token({ role: 'network_coordinator', countries, subject: 'bench-coordinator' }),
  );
  // A watchdog's token is bound to its record: its subject is a registered watchdog's id.
  const watchdogId = randomUUID();
  await coordinator.request(
    'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }',
    {
      input: {
        id: watchdogId,
        kind: 'INDIVIDUAL',
        country: countries[0],
        joinedOn: '2020-01-01',
        trained: true,
      },
    },
  );
  return {
    watchdog: new Client(
      system.gatewayUrl,
      await system.token({ role: 'watchdog', subject: watchdogId }),
    ),
    coordinator,
    officer: new Client(
      system.gatewayUrl,
      await system.token({ role: 'protection_officer', countries, subject: 'bench-officer' }),
    ),
    sql,
  };
}
