// Shared by the networks service's integration specs: the service on a real PostgreSQL, with the
// watchdogs they submit as registered; who asks; GraphQL helpers and the case notifications'
// documents; submitting and deciding a notification.
import { randomUUID } from 'node:crypto';
import { watchdogStreamId } from '@haven/networks/domain';
import { NETWORKS_MIGRATIONS } from '@haven/networks/read-models';
import {
  useTestService,
  withHelpers,
  type GraphQLResponse,
  type UsedTestService,
} from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { AppModule } from '../app.module';

/** The watchdogs these specs submit as: a watchdog's token's subject is its record's id. */
export const WATCHDOG_IDS: Record<string, string> = {
  'watchdog-1': randomUUID(),
  'watchdog-reader': randomUUID(),
  'watchdog-other': randomUUID(),
};

// ---- Who asks. ---------------------------------------------------------------------------

export const coordinator = (countries: string[], subject = `coordinator-${countries.join('-')}`) =>
  ({ subject, role: 'network_coordinator', countries, organisationId: 'alliance' }) as Principal;
export const watchdog = (name = 'watchdog-1') =>
  ({
    subject: WATCHDOG_IDS[name],
    role: 'watchdog',
    countries: [],
    organisationId: null,
  }) as Principal;
export const partner = (organisationId: string) =>
  ({
    subject: `partner-user-${organisationId}`,
    role: 'partner',
    countries: [],
    organisationId,
  }) as Principal;
export const protectionOfficer = (countries: string[]) =>
  ({
    subject: 'officer-1',
    role: 'protection_officer',
    countries,
    organisationId: null,
  }) as Principal;
export const auditor = {
  subject: 'auditor-1',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
} as Principal;
export const analyst = {
  subject: 'analyst-1',
  role: 'analyst',
  countries: 'all',
  organisationId: null,
} as Principal;
export const countryManager = (countries: string[]) =>
  ({ subject: 'manager-1', role: 'country_manager', countries, organisationId: null }) as Principal;

// ---- Operations. -------------------------------------------------------------------------

const NOTIFICATION_FIELDS = `id status reportedBy reporterReference formOfExploitation country province
  abroad possibleVictims minors submittedAt decidedAt rejectionReason duplicateOf referredAt`;

export const SUBMIT = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId streamVersion status }
}`;
export const SUBMIT_WITH_RECORD = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) {
    notificationId streamVersion status caseNotification { ${NOTIFICATION_FIELDS} }
  }
}`;
const decision = (name: string, inputType: string) => `mutation ($input: ${inputType}!) {
  ${name}(input: $input) { notificationId streamVersion status caseNotification { ${NOTIFICATION_FIELDS} } }
}`;
export const VALIDATE = decision('validateCaseNotification', 'CaseNotificationIdInput');
export const REJECT = decision('rejectCaseNotification', 'RejectCaseNotificationInput');
export const DUPLICATE = decision(
  'markCaseNotificationDuplicate',
  'MarkCaseNotificationDuplicateInput',
);
export const REFER = decision('referCaseNotification', 'CaseNotificationIdInput');
export const ONE = `query ($id: ID!) { caseNotification(id: $id) { ${NOTIFICATION_FIELDS} } }`;
export const LIST = `query ($country: Country, $status: CaseNotificationStatus, $formOfExploitation: FormOfExploitation,
    $hasMinors: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  caseNotifications(country: $country, status: $status, formOfExploitation: $formOfExploitation,
      hasMinors: $hasMinors, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id status country minors } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const MINE = `query ($first: Int, $after: String) {
  myCaseNotifications(first: $first, after: $after) {
    edges { node { id status submittedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export type Payload = {
  notificationId: string;
  streamVersion: number;
  status: string | null;
  caseNotification?: Record<string, unknown> | null;
};
export type ListPage = {
  caseNotifications: {
    edges: Array<{
      cursor: string;
      node: { id: string; status: string; country: string; minors: number };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** A case notification's input: sex trafficking in Vientiane, 3 possible victims, 2 minors. */
export const notification = (input: Record<string, unknown> = {}) => ({
  formOfExploitation: 'SEX_TRAFFICKING',
  country: 'LA',
  province: 'Vientiane',
  possibleVictims: 3,
  minors: 2,
  ...input,
});

/** The response's one error (and that there is exactly one). */
export function errorOf(response: GraphQLResponse<unknown>) {
  expect(response.body.errors).toHaveLength(1);
  return response.body.errors![0];
}

// ---- The service. ------------------------------------------------------------------------

export interface NetworksSpecHarness extends UsedTestService {
  gql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Principal,
  ): Promise<GraphQLResponse<Data>>;
  /** One stream's events, in order. */
  streamEvents(streamId: string): Promise<
    Array<{
      type: string;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }>
  >;
  /** Submits `notification(input)`, as the first watchdog unless told, expecting no error. */
  submit(input?: Record<string, unknown>, as?: Principal): Promise<Payload>;
  decide(
    mutation: string,
    input: Record<string, unknown>,
    as: Principal,
  ): Promise<GraphQLResponse<Record<string, Payload>>>;
}

/**
 * Starts the networks service on its own database before the file's tests (with the watchdogs of
 * WATCHDOG_IDS registered, in a country no list reads) and closes it after them. Call it once, at
 * the top level of a spec file.
 */
export function useNetworksService(): NetworksSpecHarness {
  const used = useTestService(AppModule, { migrations: [NETWORKS_MIGRATIONS] });

  beforeAll(async () => {
    for (const watchdogId of Object.values(WATCHDOG_IDS)) {
      const registered = {
        type: 'WatchdogRegistered',
        data: {
          watchdogId,
          kind: 'INDIVIDUAL',
          // A country no list in these specs reads.
          country: 'VN',
          province: null,
          joinedOn: '2020-01-01',
          trained: true,
          registeredAt: new Date().toISOString(),
        },
        metadata: {
          actorId: 'coordinator-VN',
          role: 'network_coordinator',
          organisationId: 'alliance',
          correlationId: 'int-spec',
          causationId: null,
          occurredAt: new Date().toISOString(),
        },
      };
      await used.store.append(watchdogStreamId(watchdogId), [registered], 'no_stream');
    }
  });

  const harness: NetworksSpecHarness = withHelpers<
    Omit<NetworksSpecHarness, keyof UsedTestService>
  >(used, {
    gql<Data = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      as?: Principal,
    ) {
      return used.service.graphql<Data>(query, variables, {}, as ? { as } : undefined);
    },
    async streamEvents(streamId) {
      const { rows } = await used.sql.query(
        'SELECT type, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version',
        [streamId],
      );
      return rows as Awaited<ReturnType<NetworksSpecHarness['streamEvents']>>;
    },
    async submit(input = {}, as = watchdog()) {
      const response = await harness.gql<{ submitCaseNotification: Payload }>(
        SUBMIT,
        { input: notification(input) },
        as,
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.submitCaseNotification;
    },
    decide(mutation, input, as) {
      return harness.gql<Record<string, Payload>>(mutation, { input }, as);
    },
  });
  return harness;
}
