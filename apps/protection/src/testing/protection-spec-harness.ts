// Shared by protection's service specs (beneficiary-registration, beneficiary-queries,
// protection-health, protection-authorization, protection-logs-and-limits): the service on a real
// PostgreSQL with a connection to its database, registering a beneficiary through the GraphQL
// API, counting what was written, and waiting for the read model and for readiness.
import {
  useTestService,
  withHelpers,
  type GraphQLResponse,
  type UsedTestService,
} from '@haven/platform/nest/testing';
import { eventually } from '@haven/platform/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';

/** Registers a beneficiary and reads back its record (no personal details: see fixtures.ts). */
export const REGISTER = `
  mutation Register($input: RegisterBeneficiaryInput!) {
    registerBeneficiary(input: $input) {
      beneficiaryId
      streamVersion
      beneficiary { id referenceCode country sex minor registeredAt }
    }
  }`;

export interface RegisterResult {
  registerBeneficiary: {
    beneficiaryId: string;
    streamVersion: number;
    beneficiary: {
      id: string;
      referenceCode: string;
      country: string;
      sex: string;
      minor: boolean;
      registeredAt: string;
    } | null;
  } | null;
}

export interface ProtectionSpecHarness extends UsedTestService {
  /** Runs REGISTER as the test admin (with extra request headers if given). */
  register(
    input: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<RegisterResult>>;
  /** A beneficiary's reference code, once the read model has its row. */
  referenceCodeOf(id: string): Promise<string>;
  /** How many events the log holds and how many rows protection.beneficiaries. */
  counts(): Promise<{ events: number; rows: number }>;
  /** GET /health/ready of the service (or of another one, at `url`). */
  ready(url?: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * Starts the protection service on its own database before the file's tests (ready only while
 * its projections lag at most 1 s) and closes it after them. Call it once, at the top level of a
 * spec file.
 */
export function useProtectionService(): ProtectionSpecHarness {
  const used = useTestService(AppModule, {
    migrations: [PROTECTION_MIGRATIONS],
    env: { HAVEN_READY_MAX_LAG_SECONDS: '1' },
  });

  return withHelpers<Omit<ProtectionSpecHarness, keyof UsedTestService>>(used, {
    async register(input, headers) {
      return used.service.graphql<RegisterResult>(REGISTER, { input }, headers);
    },
    async referenceCodeOf(id) {
      return eventually(async () => {
        const { rows } = await used.sql.query<{ reference_code: string }>(
          'SELECT reference_code FROM protection.beneficiaries WHERE id = $1',
          [id],
        );
        if (!rows[0]) throw new Error('the beneficiary is not in the read model yet');
        return rows[0].reference_code;
      });
    },
    async counts() {
      const { rows } = await used.sql.query<{ events: number; rows: number }>(`
        SELECT (SELECT count(*)::int FROM event_store.events) AS events,
               (SELECT count(*)::int FROM protection.beneficiaries) AS rows`);
      return rows[0];
    },
    async ready(url = used.service.url) {
      const response = await fetch(`${url}/health/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  });
}
