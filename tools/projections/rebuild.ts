// `npm run projections:rebuild -- --service protection [--projection NAME]`
//
// Rebuilds a service's read models from position 0 while the service keeps running and serving
// the old rows: each projection is built into shadow tables under a checkpoint of its own, then
// swapped in, in one transaction, once caught up (libs/platform/projections/src/rebuild). Needs
// DATABASE_URL (under `npm start`: postgres://postgres:haven@127.0.0.1:<port>/haven, the port
// that `npm start` prints for the embedded PostgreSQL).
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { PostgresEventStore, type Upcaster } from '@haven/platform/event-store';
import { rebuildProjection, type Projection } from '@haven/platform/projections';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { PROTECTION_ENTITIES, PROTECTION_PROJECTIONS } from '@haven/protection/read-models';

interface RebuildableService {
  entities: NonNullable<Parameters<typeof rebuildProjection>[0]['entities']>;
  projections: readonly Projection[];
  upcasters: readonly Upcaster[];
}

/** The services whose read models can be rebuilt: the same lists their app modules register. */
const SERVICES: Record<string, RebuildableService> = {
  protection: {
    entities: PROTECTION_ENTITIES,
    projections: PROTECTION_PROJECTIONS,
    upcasters: PROTECTION_UPCASTERS as readonly Upcaster[],
  },
};

const USAGE = `Usage: DATABASE_URL=... npm run projections:rebuild -- --service ${Object.keys(SERVICES).join('|')} [--projection NAME]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { service: { type: 'string' }, projection: { type: 'string' } },
  });
  const service = values.service && SERVICES[values.service];
  if (!service) fail(values.service ? `Unknown service "${values.service}".` : 'No --service.');
  const url = process.env.DATABASE_URL ?? fail('DATABASE_URL is not set.');
  const chosen = values.projection
    ? service.projections.filter((projection) => projection.name === values.projection)
    : service.projections;
  if (chosen.length === 0) {
    fail(
      `No projection "${values.projection}" in ${values.service}; it has: ${service.projections
        .map((projection) => projection.name)
        .join(', ')}.`,
    );
  }
  const store = new PostgresEventStore({ connectionString: url, upcasters: service.upcasters });
  try {
    for (const projection of chosen) {
      const bar = new SingleBar(
        {
          format: `${projection.name.padEnd(36)} {bar} {percentage}% | position {value}/{total} | {rate} positions/s | {phase}`,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 2000,
        },
        Presets.shades_classic,
      );
      bar.start(1, 0, { rate: 0, phase: 'building' });
      const result = await rebuildProjection({
        store,
        url,
        entities: service.entities,
        projection,
        onProgress: (progress) => {
          bar.setTotal(Math.max(1, progress.head));
          bar.update(progress.checkpoint, {
            rate: Math.round(progress.rate).toLocaleString('en-US'),
            phase: progress.phase,
          });
        },
      });
      bar.stop();
      process.stdout.write(
        `${projection.name}: rebuilt to position ${result.position} in ${(result.ms / 1000).toFixed(1)} s, swapped in\n`,
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
