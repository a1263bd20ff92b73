// Shared by the audit service's integration specs (audit, export-tool, log/refusals,
// verification/verification-jobs): the service on a real PostgreSQL with a signing key of its own,
// the log it follows, and waiting until it has signed a checkpoint.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AUDIT_MIGRATIONS } from '@haven/platform/audit';
import type { NewEvent } from '@haven/platform/event-store';
import { useTestService, withHelpers, type UsedTestService } from '@haven/platform/nest/testing';
import { waitUntil } from '@haven/platform/testing';
import { AppModule } from '../app.module';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The metadata of the events these specs append, as a protection officer's. */
export const metadata = {
  actorId: 'officer-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-12-01T10:00:00.000Z',
};

export interface AuditSpecHarness extends UsedTestService {
  /** The public half of the service's signing key, as auditors are given it. */
  readonly publicKeyPem: string;
  /** Appends `count` events no service replays ('Other', data { n }) to a new stream. */
  appendOthers(count: number): Promise<void>;
  /** Resolves once the follower has signed a checkpoint of the event store of `size` or more. */
  checkpointOf(size: number): Promise<void>;
}

/**
 * Starts the audit service on its own database, with a fresh Ed25519 signing key and `env`,
 * before the file's tests and closes it after them. Call it once, at the top level of a spec file.
 */
export function useAuditService(env: Record<string, string> = {}): AuditSpecHarness {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const used = useTestService(AppModule, {
    migrations: [AUDIT_MIGRATIONS],
    env: {
      HAVEN_AUDIT_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      ...env,
    },
  });

  return withHelpers<Omit<AuditSpecHarness, keyof UsedTestService>>(used, {
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    async appendOthers(count) {
      const events: NewEvent[] = Array.from({ length: count }, (_, n) => ({
        type: 'Other',
        data: { n },
        metadata,
      }));
      await used.store.append(`casenotification-${randomUUID()}`, events, 'no_stream');
    },
    async checkpointOf(size) {
      await waitUntil(
        async () => {
          const { rows } = await used.sql.query<{ n: string | null }>(
            `SELECT max(size) AS n FROM audit.checkpoints WHERE log = 'event_store'`,
          );
          return Number(rows[0].n) >= size;
        },
        `a checkpoint of size ${size}`,
        { timeoutMs: 20_000, intervalMs: 25 },
      );
    },
  });
}
