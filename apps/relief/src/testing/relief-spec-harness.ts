// Shared by the relief service's integration specs (relief, relief-api, relief-recipients): the
// service on a real PostgreSQL, its coordinators, the log other services write to, beneficiaries
// as protection registers them there, and waiting until relief has read the log.
import { useTestService, withHelpers, type UsedTestService } from '@haven/platform/nest/testing';
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
  return withHelpers<Omit<ReliefSpecHarness, keyof UsedTestService>>(used, {
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
      await used.store.append(
        beneficiaryStreamId(beneficiaryId),
        details.erased ? [registered, erased] : [registered],
        'no_stream',
      );
    },
  });
}
