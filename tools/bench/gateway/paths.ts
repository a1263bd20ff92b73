// The paths measured: the federated query through Haven's gateway with the checks on and off,
// with and without personal details; each subgraph's share answered directly; and the peer.
import {
  IDENTITY_HEADER,
  IdentitySigner,
  mintDevToken,
  type DevKeys,
} from '@haven/platform/security';
import { check, type Case } from './load';
import { COUNTRIES, READER } from './settings';

const FEDERATED_QUERY = `query Federated($first: Int!, $after: String) {
  beneficiaries(first: $first, after: $after) {
    edges { node { id referenceCode country minor caseNotificationCount legalCaseCount } }
  }
}`;
/** The query of the target "authorisation and decryption add at most 15% to the p99". */
const PERSONAL_QUERY = `query FederatedPersonal($first: Int!, $after: String) {
  beneficiaries(first: $first, after: $after) {
    edges {
      node {
        id referenceCode country minor caseNotificationCount legalCaseCount
        personalDetails(purpose: "benchmark") { givenName familyName dateOfBirth }
      }
    }
  }
}`;
const PROTECTION_QUERY = `query Page($first: Int!, $after: String) {
  beneficiaries(first: $first, after: $after) { edges { node { id referenceCode country minor } } }
}`;
const entitiesQuery = (field: string) => `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Beneficiary { ${field} } }
}`;

/** The gateway's paths, in the order they take turns. */
export const GATEWAY_PATHS = ['onPersonal', 'offPersonal', 'on', 'off'] as const;
export type GatewayPath = (typeof GATEWAY_PATHS)[number];

export interface Paths {
  /** Through Haven's gateway: what the security checks cost. */
  security: Record<GatewayPath, Case>;
  /** The direct subgraphs (protection, networks, legal), then the peer: measured for one round's time. */
  once: Case[];
}

export interface Endpoints {
  /** Haven's gateway with the checks on, and off. */
  checksOn: string;
  checksOff: string;
  /** The subgraphs with the checks on, by name. */
  subgraphs: Record<string, string>;
  hive: string;
}

export interface ReaderHeaders {
  /** The reader's bearer token, for the gateways. */
  bearer: Record<string, string>;
  /** What the gateway would send the subgraphs for the reader, valid for the whole run. */
  identity: Record<string, string>;
}

export async function readerHeaders(keys: DevKeys): Promise<ReaderHeaders> {
  const token = await mintDevToken(keys, {
    role: READER.role,
    subject: READER.subject,
    countries: [...COUNTRIES],
    organisationId: READER.organisationId ?? undefined,
    ttlSeconds: 3600,
  });
  const bearer = { authorization: `Bearer ${token}` };
  const identity = {
    [IDENTITY_HEADER]: await new IdentitySigner(keys.identity.privateJwk, 3600).sign(READER),
  };
  return { bearer, identity };
}

export function measuredPaths(
  endpoints: Endpoints,
  windows: { pages: object[]; entities: object[] },
  { bearer, identity }: ReaderHeaders,
): Paths {
  const { pages, entities } = windows;
  const security: Record<GatewayPath, Case> = {
    onPersonal: {
      label: 'gateway, checks on, with personalDetails',
      url: endpoints.checksOn,
      query: PERSONAL_QUERY,
      variants: pages,
      headers: bearer,
      personal: true,
    },
    offPersonal: {
      label: 'gateway, checks off, with personalDetails',
      url: endpoints.checksOff,
      query: PERSONAL_QUERY,
      variants: pages,
      headers: {},
      personal: true,
    },
    on: {
      label: 'gateway, checks on',
      url: endpoints.checksOn,
      query: FEDERATED_QUERY,
      variants: pages,
      headers: bearer,
    },
    off: {
      label: 'gateway, checks off',
      url: endpoints.checksOff,
      query: FEDERATED_QUERY,
      variants: pages,
      headers: {},
    },
  };
  const once: Case[] = [
    {
      label: 'protection (direct, checks on)',
      url: endpoints.subgraphs.protection,
      query: PROTECTION_QUERY,
      variants: pages,
      headers: identity,
    },
    {
      label: 'networks (direct, checks on)',
      url: endpoints.subgraphs.networks,
      query: entitiesQuery('caseNotificationCount'),
      variants: entities,
      headers: identity,
    },
    {
      label: 'legal (direct, checks on)',
      url: endpoints.subgraphs.legal,
      query: entitiesQuery('legalCaseCount'),
      variants: entities,
      headers: identity,
    },
    {
      label: 'hive-gateway (peer, checks off)',
      url: endpoints.hive,
      query: FEDERATED_QUERY,
      variants: pages,
      headers: {},
    },
  ];
  return { security, once };
}

/** Every path: the gateway's, then the others. */
export const allPaths = (paths: Paths): Case[] => [...Object.values(paths.security), ...paths.once];

/** Every path answers correctly, and the labels hold: with the checks on, no token or no identity is refused. */
export async function checkPaths(
  paths: Paths,
  endpoints: Endpoints,
  variables: object,
): Promise<void> {
  for (const c of allPaths(paths)) await check(c);
  const bare = (url: string, query: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }).then((response) => response.status);
  if ((await bare(endpoints.checksOn, FEDERATED_QUERY)) !== 401)
    throw new Error('The gateway with the checks on answers without a token.');
  if ((await bare(endpoints.subgraphs.protection, PROTECTION_QUERY)) !== 401)
    throw new Error('A subgraph with the checks on answers without an identity.');
}
