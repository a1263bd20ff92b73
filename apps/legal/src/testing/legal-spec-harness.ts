// Shared by the legal service's integration specs (legal, cases/nested-lists,
// offenders/offender-erasure): the service on a real PostgreSQL, who asks, beneficiaries and their
// consent as protection writes them on the log, and opening a case for one of them.
import { LEGAL_MIGRATIONS } from '@haven/legal/read-models';
import type { EventMetadata, NewEvent } from '@haven/platform/event-store';
import {
  useTestService,
  withHelpers,
  type GraphQLResponse,
  type UsedTestService,
} from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { AppModule } from '../app.module';

export const person = (role: Principal['role'], countries: string[]): Principal => ({
  subject: `${role}-${countries.join('') || 'all'}`,
  role,
  countries,
  organisationId: null,
});
export const legalTH = person('legal_officer', ['TH']);
export const admin = person('admin', []);

/** Protection's events carry a protection officer's metadata. */
const metadata: EventMetadata = {
  actorId: 'protection-th-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2020-01-01T00:00:00.000Z',
};

const consentRecorded = (beneficiaryId: string, given: boolean, recordedOn: string) => ({
  type: 'ConsentRecorded',
  data: { beneficiaryId, kind: 'LEGAL_ACTION', partnerOrganisationId: null, given, recordedOn },
  metadata,
});

export interface LegalSpecHarness extends UsedTestService {
  /** A GraphQL request's body, sent as `principal`. */
  as<Data = Record<string, unknown>>(
    principal: Principal,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>['body']>;
  /**
   * Appends protection's registration of a girl in Thailand to the log, with her consent to legal
   * action given or declined on the next day (none at all when `legalAction` is null).
   */
  registerBeneficiary(beneficiaryId: string, legalAction?: boolean | null): Promise<void>;
  /** Appends protection's record of her consent to legal action, given or withdrawn. */
  recordConsent(beneficiaryId: string, given: boolean, recordedOn: string): Promise<void>;
  /** Opens a sex-trafficking case in Thailand, as legalTH, with her its victim: its id. */
  openCase(beneficiaryId: string): Promise<string>;
}

/**
 * Starts the legal service on its own database before the file's tests and closes it after them.
 * Call it once, at the top level of a spec file.
 */
export function useLegalService(): LegalSpecHarness {
  const used = useTestService(AppModule, { migrations: [LEGAL_MIGRATIONS] });
  // Protection's events reach the log through the service's own store: one pool less to close.
  const append = (beneficiaryId: string, events: unknown[]) =>
    used.store.append(beneficiaryStreamId(beneficiaryId), events as NewEvent[], 'any');

  const harness: LegalSpecHarness = withHelpers<Omit<LegalSpecHarness, keyof UsedTestService>>(
    used,
    {
      async as<Data = Record<string, unknown>>(
        principal: Principal,
        query: string,
        variables: Record<string, unknown> = {},
      ) {
        return (await used.service.graphql<Data>(query, variables, {}, { as: principal })).body;
      },
      async registerBeneficiary(beneficiaryId, legalAction = true) {
        const registered = {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: `BEN-TH-${beneficiaryId.slice(0, 6)}`,
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            registeredAt: '2019-05-01T00:00:00.000Z',
          },
          metadata,
        };
        await append(beneficiaryId, [
          registered,
          ...(legalAction === null
            ? []
            : [consentRecorded(beneficiaryId, legalAction, '2019-05-02')]),
        ]);
      },
      async recordConsent(beneficiaryId, given, recordedOn) {
        await append(beneficiaryId, [consentRecorded(beneficiaryId, given, recordedOn)]);
      },
      async openCase(beneficiaryId) {
        const opened = await harness.as<{ openLegalCase: { id: string } }>(
          legalTH,
          `mutation ($input: OpenLegalCaseInput!) { openLegalCase(input: $input) { id } }`,
          {
            input: {
              kind: 'SEX_TRAFFICKING',
              country: 'TH',
              stage: 'INVESTIGATION',
              openedOn: '2019-06-01',
              parties: [{ beneficiaryId, role: 'VICTIM' }],
            },
          },
        );
        return opened.data!.openLegalCase.id;
      },
    },
  );
  return harness;
}
