// Shared by the relief service's integration specs (relief, relief-api, relief-recipients): the
// service on a real PostgreSQL, its coordinators, the log other services write to, beneficiaries
// as protection registers them there, and waiting until relief has read the log.
import type { PostgresEventStore } from '@haven/platform/event-store';
import { ServiceDatabase } from '@haven/platform/nest';
import { useTestService, type UsedTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { RELIEF_MIGRATIONS } from '@haven/relief/read-models';
import { AppModule } from '../app.module';

export const coordinator: Principal = {
  subject: 'coord-la',
  role: 'relief_coordinator',
  countries: ['LA'],
  organisationId: null,
};
export const coordinatorTH: Principal = { ...coordinator, subject: 'coord-th', countries: ['TH'] };

export interface ReliefSpecHarness extends UsedTestService {
  /** The log, through the service's own store (so the spec has no pool of its own to close). */
  readonly store: PostgresEventStore;
  /** Resolves once relief's projections have read the whole log. */
  caughtUp(): Promise<void>;
  /**
   * Appends protection's registration of an adult woman (in Laos, nationality and age unknown,
   * unless told) to the log, and her erasure after it if `erased`.
   */
  registerBeneficiary(
    beneficiaryId: string,
    details?: { country?: string; nationality?: string; ageYears?: number; erased?: boolean },
  ): Promise<void>;
}

/**
 * Starts the relief service on its own database before the file's tests and closes it after them.
 * Call it once, at the top level of a spec file.
 */
export function useReliefService(): ReliefSpecHarness {
  const used = useTestService(AppModule, { migrations: [RELIEF_MIGRATIONS] });
  const database = () => used.service.app.get(ServiceDatabase);

  return {
    get service() {
      return used.service;
    },
    get sql() {
      return used.sql;
    },
    get store() {
      return database().eventStore;
    },
    async caughtUp() {
      await database().waitForProjections(await database().eventStore.headPosition());
    },
    async registerBeneficiary(beneficiaryId, details = {}) {
      const at = new Date().toISOString();
      const metadata = {
        actorId: 'p',
        role: 'protection_officer',
        organisationId: null,
        correlationId: 'c',
        causationId: null,
        occurredAt: at,
      };
      const registered = {
        type: 'BeneficiaryRegistered',
        data: {
          beneficiaryId,
          referenceCode: `B-${beneficiaryId.slice(0, 4)}`,
          country: details.country ?? 'LA',
          sex: 'FEMALE',
          minor: false,
          nationality: details.nationality ?? null,
          ageYears: details.ageYears ?? null,
          registeredAt: at,
        },
        metadata,
      };
      const erased = {
        type: 'BeneficiaryErased',
        data: { beneficiaryId, requestedBy: 'a', confirmedBy: 'b', erasedAt: at },
        metadata,
      };
      await database().eventStore.append(
        beneficiaryStreamId(beneficiaryId),
        details.erased ? [registered, erased] : [registered],
        'no_stream',
      );
    },
  };
}
