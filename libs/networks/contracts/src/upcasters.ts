/**
 * Networks' stored events of earlier schema versions, read as the current ones. Every service whose
 * store reads these events registers them (`database.upcasters`): networks itself, and whoever
 * follows its contracts (reports). Stored events are never rewritten (ADR 21).
 *
 * Shaped like the event store's `Upcaster` (contracts depend on no platform library).
 */
import type { Country } from '@haven/vocabulary';
import { defaultResidence, type WatchdogKind } from './watchdogs';

type Json = { [key: string]: unknown };

export interface NetworksUpcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: Json): { schemaVersion: number; data: Json };
}

export const NETWORKS_UPCASTERS: readonly NetworksUpcaster[] = [
  {
    // v1 did not say where a watchdog lives: at home in its network's country, unless it is a
    // kind that lives abroad, where the country is not known.
    type: 'WatchdogRegistered',
    fromSchemaVersion: 1,
    upcast: (data) => ({
      schemaVersion: 2,
      data: {
        livesIn: defaultResidence(data.kind as WatchdogKind, data.country as Country),
        ...data,
      },
    }),
  },
];
