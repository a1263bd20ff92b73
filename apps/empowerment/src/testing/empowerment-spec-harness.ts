// Shared by the empowerment service's integration specs (empowerment, service-details,
// notes/note-retry): the service on a real PostgreSQL, dates relative to today, beneficiaries as
// protection registers them on the log, enrolling one, and reading an enrolment's stream.
import { randomUUID } from 'node:crypto';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import { EMPOWERMENT_MIGRATIONS } from '@haven/empowerment/read-models';
import type { EventMetadata } from '@haven/platform/event-store';
import { useTestService, withHelpers, type UsedTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId, type BeneficiaryEvent } from '@haven/protection/contracts';
import { AppModule } from '../app.module';

/** The date `offset` days from today, as YYYY-MM-DD. */
export const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const shelter = { kind: 'SHELTER', shelterName: 'Kredtrakarn', governmentRun: true };

/** Protection's events carry a protection officer's metadata. */
const metadata: EventMetadata = {
  actorId: 'prot-th',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};

export interface BeneficiaryDetails {
  /** Her consent to services given or declined; none at all when null. True unless told. */
  consent?: boolean | null;
  country?: 'TH' | 'LA';
  nationality?: string;
  /** The day protection registered her (15 years old then), and the day of her consent. */
  registeredOn?: string;
  consentOn?: string;
}

export interface EmpowermentSpecHarness extends UsedTestService {
  /**
   * Appends protection's registration of a girl (in Thailand, Thai, registered on 2026-01-01 and
   * consenting the next day, unless told) and waits until empowerment has read it: her id.
   */
  registerBeneficiary(details?: BeneficiaryDetails): Promise<string>;
  /** Enrols her in a shelter on `enrolledOn`, as `as`, expecting no error: the enrolment's id. */
  enrol(beneficiaryId: string, as: Principal, enrolledOn: string): Promise<string>;
  /** How many events an enrolment's stream holds. */
  streamLength(enrolmentId: string): Promise<number>;
}

/**
 * Starts the empowerment service on its own database before the file's tests and closes it after
 * them. Call it once, at the top level of a spec file.
 */
export function useEmpowermentService(): EmpowermentSpecHarness {
  const used = useTestService(AppModule, { migrations: [EMPOWERMENT_MIGRATIONS] });
  return withHelpers<Omit<EmpowermentSpecHarness, keyof UsedTestService>>(used, {
    async registerBeneficiary({
      consent = true,
      country = 'TH',
      nationality = 'TH',
      registeredOn = '2026-01-01',
      consentOn = '2026-01-02',
    } = {}) {
      const beneficiaryId = randomUUID();
      const events: BeneficiaryEvent[] = [
        {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: `BEN-${country}-${beneficiaryId.slice(0, 6)}`,
            country,
            sex: 'FEMALE',
            minor: true,
            nationality,
            ageYears: 15,
            registeredAt: `${registeredOn}T00:00:00.000Z`,
          },
        } as BeneficiaryEvent,
      ];
      if (consent !== null) {
        events.push({
          type: 'ConsentRecorded',
          data: {
            beneficiaryId,
            kind: 'SERVICES',
            partnerOrganisationId: null,
            given: consent,
            recordedOn: consentOn,
          },
        });
      }
      const appended = await used.store.append(
        beneficiaryStreamId(beneficiaryId),
        events.map((event) => ({ ...event, metadata })),
        'no_stream',
      );
      // Protection's events reach empowerment's read model on the log, a moment later.
      await used.caughtUp(appended.globalPositions[appended.globalPositions.length - 1]);
      return beneficiaryId;
    },
    async enrol(beneficiaryId, as, enrolledOn) {
      const enrolmentId = randomUUID();
      const response = await used.service.graphql(
        `mutation ($input: EnrolBeneficiaryInput!) { enrolBeneficiary(input: $input) { id } }`,
        { input: { enrolmentId, beneficiaryId, setting: shelter, enrolledOn } },
        {},
        { as },
      );
      expect(response.body.errors).toBeUndefined();
      return enrolmentId;
    },
    async streamLength(enrolmentId) {
      return (await used.store.readStream(enrolmentStreamId(enrolmentId))).length;
    },
  });
}
