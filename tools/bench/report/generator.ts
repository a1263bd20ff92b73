// The random but repeatable generator the report benchmark's data set is made with: one seeded
// sequence, so that every run loads the same events.
import type { EventMetadata, NewEvent } from '@haven/platform/event-store';

export const YEARS = [2016, 2017, 2018, 2019, 2020];
const COUNTRIES: Array<[string, number]> = [
  ['TH', 0.5],
  ['LA', 0.3],
  ['MM', 0.15],
  ['VN', 0.05],
];
export const NATIONALITIES = ['TH', 'LA', 'MM', 'KH', 'VN', 'CN'];

let seed = 20_201_231;
export function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
/** A country of operation, in the alliance's proportions. */
export const country = () => {
  let r = random();
  for (const [code, share] of COUNTRIES) if ((r -= share) < 0) return code;
  return 'TH';
};
const pad = (n: number) => String(n).padStart(2, '0');
export const day = (year: number) =>
  `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;

const metadata = (occurredAt: string): EventMetadata => ({
  actorId: 'bench',
  role: 'admin',
  organisationId: null,
  correlationId: 'bench-report',
  causationId: null,
  occurredAt,
});
export const event = (
  type: string,
  data: Record<string, unknown>,
  on: string,
  schemaVersion = 1,
): NewEvent =>
  ({ type, data, schemaVersion, metadata: metadata(`${on}T10:00:00.000Z`) }) as NewEvent;
