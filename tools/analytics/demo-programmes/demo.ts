// What the analysts' demo-like run shares between its programmes' streams: the victims, the
// ledger of every personal string and Haven id, and the values their seeds use alike.
import type { NewEvent } from '@haven/platform/event-store';

export interface DemoVictim {
  id: string;
  country: 'TH' | 'LA' | 'MM';
  minor: boolean;
  /** The day of her case (YYYY-MM-DD) and the province it names. */
  on: string;
  province: string;
}

export interface DemoLedger {
  /** An event with the demo's metadata (its actor, organisation and correlation noted as ids). */
  event(type: string, data: Record<string, unknown>, at: string): NewEvent;
  /** A value sealed with its subject's key, noted as personal. */
  sealed(subject: string, field: string, value: string): string;
  personal: Set<string>;
  ids: Set<string>;
}

/** Makes a fresh Haven id, noted in the ledger. */
export type IdMaker = () => string;

export const CURRENCY = { TH: 'THB', LA: 'LAK', MM: 'MMK' } as const;
export const NATIONALITY = { TH: 'TH', LA: 'LA', MM: 'MM' } as const;

export const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
