// What every part of the hostile-request suite (system.security-spec.ts) shares: the documents it
// sends, the record of everything it sent and received (which the leak check at the end scans),
// and the booted system with its helpers: sending through the gateway, minting tokens, counting
// the rows of every table and the calls to every subgraph.
import { randomBytes, randomInt } from 'node:crypto';
import { everyTable } from '@haven/platform/testing';
import { IdentitySigner, type DevTokenOptions } from '@haven/platform/security';
import type { Client } from 'pg';
import { SUBGRAPHS, type System } from '../system';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  error?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: GraphQLBody;
}

export type Personal = Record<string, string>;

export const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId }
}`;
export const PERSONAL_SELECTION =
  'givenName familyName dateOfBirth phone address identityDocumentNumber notes erased';
export const READ_PERSONAL = `query ReadPersonal($id: ID!) {
  beneficiary(id: $id) { id personalDetails(purpose: "case review") { ${PERSONAL_SELECTION} } }
}`;
export const READ_RECORD = `query ReadRecord($id: ID!) { beneficiary(id: $id) { id referenceCode country } }`;
export const LIST = `query List { beneficiaries(first: 100) { edges { node { id country } } } }`;
export const ERASE = `mutation Erase($input: EraseBeneficiaryInput!) {
  eraseBeneficiary(input: $input) { beneficiaryId status }
}`;

// The record below lives as long as the test file: Jest loads this module afresh for each file.

/** Every personal value the suite sends: none may reach a log, or an answer that is not a read. */
export const personalStrings: string[] = [];
/** Every token the suite sends, valid or not: none may reach a log or an answer. */
export const tokens: string[] = [];
/** Every answer the suite received; `personalRead` marks an allowed read of personal details. */
export const replies: Array<{ label: string; text: string; personalRead: boolean }> = [];

export function personalDetails(): Personal {
  const tag = randomBytes(4).toString('hex');
  const digits = String(randomInt(10_000_000, 99_999_999));
  const personal = {
    givenName: `Kanyarat${tag}`,
    familyName: `Srisuk-${tag}`,
    dateOfBirth: `20${randomInt(10, 19)}-0${randomInt(1, 10)}-${randomInt(10, 29)}`,
    phone: `+66 81 ${digits}`,
    address: `${randomInt(1, 99)} Soi Wat Phra Kaew ${tag}, Chiang Rai`,
    identityDocumentNumber: `TH-P${digits}`,
    notes: `Found at the Mae Sai crossing ${tag}; speaks Akha`,
  };
  personalStrings.push(...Object.values(personal));
  return personal;
}

export async function send(
  label: string,
  url: string,
  init: RequestInit,
  personalRead = false,
): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  replies.push({ label, text, personalRead });
  let body: GraphQLBody = {};
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function onlyError(reply: Reply) {
  expect(reply.body.errors).toHaveLength(1);
  return reply.body.errors![0];
}

export function registered(reply: Reply): string {
  expect(reply.body.errors).toBeUndefined();
  const payload = reply.body.data!.registerBeneficiary as { beneficiaryId: string };
  return payload.beneficiaryId;
}

// Every registered subgraph, none of them called.
export const NO_CALLS = Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, 0]));

/** The booted system and what the tests do with it; see hostileSystem(). */
export interface HostileSystem {
  system: System;
  sql: Client;
  /** An admin's token, minted at the start. */
  adminToken: string;
  /** A token from the system's issuer, recorded for the leak check. */
  token(options: DevTokenOptions): Promise<string>;
  viaGateway(
    label: string,
    bearer: string | undefined,
    body: unknown,
    options?: { personalRead?: boolean; headers?: Record<string, string> },
  ): Promise<Reply>;
  /** Registers through the gateway; the test fails on any error. */
  register(bearer: string, input: Record<string, unknown>): Promise<string>;
  /** Rows in every table of the database: a refused request leaves every count as it was. */
  rowCounts(): Promise<Record<string, number>>;
  /** Calls to each subgraph since the last test began. */
  subgraphCalls(): Record<string, number>;
}

/** The helpers over a started system and a connection to its database. */
export async function hostileSystem(system: System, sql: Client): Promise<HostileSystem> {
  async function token(options: DevTokenOptions): Promise<string> {
    const minted = await system.token(options);
    tokens.push(minted);
    return minted;
  }

  function viaGateway(
    label: string,
    bearer: string | undefined,
    body: unknown,
    options: { personalRead?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return send(
      label,
      system.gatewayUrl,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify(body),
      },
      options.personalRead,
    );
  }

  async function register(bearer: string, input: Record<string, unknown>): Promise<string> {
    return registered(
      await viaGateway('register', bearer, { query: REGISTER, variables: { input } }),
    );
  }

  /**
   * Waits until every service's projections have caught up with the event log (asked of each
   * service directly, past the recording proxies), so that a count taken next is final.
   */
  async function projectionsSettled(): Promise<void> {
    const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign({
      subject: 'security-settle',
      role: 'admin',
      countries: 'all',
      organisationId: null,
    });
    const deadline = Date.now() + 10_000;
    const caughtUp = async (name: string, origin: string) => {
      for (;;) {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-haven-identity': identity },
          body: JSON.stringify({ query: `{ ${name}Status { projections { lagPositions } } }` }),
        });
        const { data } = (await response.json()) as {
          data: Record<string, { projections: Array<{ lagPositions: number | null }> }>;
        };
        if (data[`${name}Status`].projections.every((p) => !p.lagPositions)) return;
        if (Date.now() > deadline) throw new Error(`${name}'s projections did not catch up`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all(
      Object.entries(system.subgraphs).map(([name, service]) => caughtUp(name, service.origin)),
    );
  }

  async function rowCounts(): Promise<Record<string, number>> {
    await projectionsSettled();
    // The audit trees and the access log's chain follow the logs in the background, at their own
    // pace: what a request changes is read off every other table (audit has specs of its own).
    const tables = (await everyTable(sql)).filter(
      (table) => !table.startsWith('audit.') && table !== 'privacy.access_log_chain',
    );
    const { rows } = await sql.query<{ name: string; n: number }>(
      tables
        .map((table, i) => `SELECT $${i + 1}::text AS name, count(*)::int AS n FROM ${table}`)
        .join(' UNION ALL '),
      tables,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.n]));
  }

  function subgraphCalls(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(system.proxies).map(([name, proxy]) => [name, proxy.calls.length]),
    );
  }

  const adminToken = await token({ role: 'admin', subject: 'security-admin' });
  return { system, sql, adminToken, token, viaGateway, register, rowCounts, subgraphCalls };
}
