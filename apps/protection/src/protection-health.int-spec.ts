// Protection's health endpoints on a real PostgreSQL: live, and ready only while the database is
// connected and the projections lag at most the threshold (1 s here); and a service that starts
// before its database is reachable.
import { randomUUID } from 'node:crypto';
import { startTestService, tcpProxy } from '@haven/platform/nest/testing';
import { waitUntil } from '@haven/platform/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { Client } from 'pg';
import { AppModule } from './app.module';
import { useProtectionService } from './testing/protection-spec-harness';

const protection = useProtectionService();
const { ready } = protection;

describe('health', () => {
  it('is live, and ready with the database up and the projection caught up', async () => {
    const live = await fetch(`${protection.service.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ service: 'protection', status: 'live' });

    await waitUntil(async () => (await ready()).status === 200, 'readiness');
    const { body } = await ready();
    expect(body).toMatchObject({
      service: 'protection',
      ready: true,
      database: 'up',
      projections: [
        'protection.beneficiaries',
        'protection.protection_cases.v2',
        'protection.case_investigation_notes',
        'protection.timeline',
        // The reactor that opens a case for each referral is reported like the projections.
        'protection.case-opener',
      ].map((name) => ({ name, state: 'running', lagPositions: 0, lagSeconds: 0 })),
    });

    const status = await protection.service.graphql<{ protectionStatus: unknown }>(
      '{ protectionStatus { service ready projections { name state lagPositions } } }',
    );
    expect(status.body.data).toEqual({
      protectionStatus: {
        service: 'protection',
        ready: true,
        projections: [
          'protection.beneficiaries',
          'protection.protection_cases.v2',
          'protection.case_investigation_notes',
          'protection.timeline',
          'protection.case-opener',
        ].map((name) => ({ name, state: 'running', lagPositions: 0 })),
      },
    });
  });

  it('is not ready (503, with the reason) while the projection lags more than the threshold, and ready again once it catches up', async () => {
    const blocker = new Client({ connectionString: protection.service.db.url });
    await blocker.connect();
    try {
      // Hold the projection's checkpoint row: its next batch waits, the runner keeps running.
      await blocker.query('BEGIN');
      await blocker.query(
        `SELECT position FROM projections.checkpoints WHERE name = 'protection.beneficiaries' FOR UPDATE`,
      );
      const id = randomUUID();
      await protection.store.append(
        beneficiaryStreamId(id),
        [
          {
            type: 'BeneficiaryRegistered',
            data: {
              beneficiaryId: id,
              referenceCode: `BEN-TH-${Date.now()}`,
              country: 'TH',
              sex: 'FEMALE',
              minor: true,
              registeredAt: new Date().toISOString(),
            },
            metadata: {
              actorId: 'test',
              role: 'test',
              organisationId: null,
              correlationId: 'lag-test',
              causationId: null,
              occurredAt: new Date().toISOString(),
            },
          },
        ],
        'no_stream',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const lagging = await ready();
      expect(lagging.status).toBe(503);
      expect(lagging.body).toMatchObject({
        ready: false,
        database: 'up',
        reason: expect.stringMatching(/protection\.beneficiaries is .* s behind \(at most 1 s\)/),
      });
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    await waitUntil(async () => (await ready()).status === 200, 'readiness');
  });

  it('starts without a reachable database, answers 503 until it connects, then 200, and 503 again when the database goes away', async () => {
    const target = new URL(protection.service.db.url);
    const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port) });
    const unreachable = await startTestService(AppModule, {
      migrations: [PROTECTION_MIGRATIONS],
      databaseUrl: (url) => {
        const through = new URL(url);
        through.port = String(proxy.port);
        return through.toString();
      },
    });
    try {
      const before = await ready(unreachable.url);
      expect(before.status).toBe(503);
      expect(before.body).toMatchObject({
        ready: false,
        database: 'down',
        reason: expect.stringContaining('not connected yet'),
      });
      expect(JSON.stringify(before.body)).not.toContain(target.password);
      expect((await fetch(`${unreachable.url}/health/live`)).status).toBe(200);

      await proxy.up();
      await waitUntil(async () => (await ready(unreachable.url)).status === 200, 'readiness');

      await proxy.down();
      const after = await ready(unreachable.url);
      expect(after.status).toBe(503);
      expect(after.body).toMatchObject({
        database: 'down',
        reason: expect.stringContaining('unreachable'),
      });
    } finally {
      await proxy.down();
      await unreachable.close();
    }
  });
});
