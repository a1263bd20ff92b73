// The empowerment, legal and relief part of the analysts' demo-like run (demo-feed.int-spec.ts):
// the events those services append for the demo's victims, with the places, institutions, aliases
// and sealed values their demo seeds use (tools/seed), so that the scan of every message covers
// their topics too. Each personal string and Haven id is noted in the ledger the scan searches for.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@haven/platform/event-store';
import type { DemoLedger, DemoVictim } from './demo';
import { enrolment } from './empowerment';
import { legalCase } from './legal';
import { reliefResponse } from './relief';

export type { DemoLedger, DemoVictim } from './demo';

/** Streams to append, in order: each victim's enrolment, a legal case per case, a relief response per country. */
export function demoProgrammeStreams(
  victims: readonly DemoVictim[],
  ledger: DemoLedger,
): Array<[string, NewEvent[]]> {
  const id = () => {
    const made = randomUUID();
    ledger.ids.add(made);
    return made;
  };
  const staff = () => {
    const user = `user-${randomUUID()}`;
    ledger.ids.add(user);
    return user;
  };
  const streams: Array<[string, NewEvent[]]> = [];
  for (const [index, victim] of victims.entries()) {
    streams.push(enrolment(victim, index, ledger, id, staff));
    if (index % 3 === 0) streams.push(legalCase(victim, ledger, id));
  }
  const advocacy = id();
  ledger.personal.add('Minimum age of marriage in the Civil Code');
  streams.push([
    `legaladvocacy-${advocacy}`,
    [
      ledger.event(
        'AdvocacyActionRecorded',
        {
          actionId: advocacy,
          kind: 'PETITION',
          country: 'LA',
          subject: 'Minimum age of marriage in the Civil Code',
          partnerOrganisationIds: [id(), id()],
          outcome: 'PENDING',
          on: '2025-03-08',
        },
        '2025-03-08T10:00:00.000Z',
      ),
      ledger.event(
        'AdvocacyOutcomeRecorded',
        { actionId: advocacy, country: 'LA', outcome: 'ACHIEVED', on: '2025-10-10' },
        '2025-10-10T10:00:00.000Z',
      ),
    ],
  ]);
  for (const country of ['TH', 'LA', 'MM'] as const) {
    streams.push(
      reliefResponse(
        country,
        victims.filter((victim) => victim.country === country),
        ledger,
        id,
        staff,
      ),
    );
  }
  return streams;
}
