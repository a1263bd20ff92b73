// Crisis relief for the report benchmark: some units add a day of field work to the relief
// response of their country and year (one response stream each, appended to by every writer):
// distributions to registered beneficiaries and to people relief recorded, a micro-project
// grant, people at risk, families who migrated, and a potential victim detected and notified to
// networks.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@haven/platform/event-store';
import {
  AGE_BANDS,
  reliefResponseStreamId,
  RISK_REASONS,
  type DistributionKind,
} from '@haven/relief/contracts';
import { day, event, pick, random } from './generator';

/** The share of units that add a day of relief work, and the events such a day has. */
export const RELIEF_DAY_SHARE = 0.3;
export const EVENTS_PER_RELIEF_DAY = 11;

const responses = new Map<string, string>();
const KINDS: DistributionKind[] = ['GOODS', 'NECESSITY_BAG', 'NECESSITY_BAG', 'OTHER'];

/** The response of a country and year (one stream, appended to with expected version 'any'). */
function responseOf(country: string, year: number): string {
  const key = `${country}:${year}`;
  let id = responses.get(key);
  if (!id) {
    id = randomUUID();
    responses.set(key, id);
  }
  return id;
}

/** A day of relief work for `victims` in the unit's country and year, or none. */
export function reliefDay(
  country: string,
  year: number,
  victims: readonly string[],
): Array<[string, NewEvent[], 'any']> {
  if (random() >= RELIEF_DAY_SHARE) return [];
  const responseId = responseOf(country, year);
  const on = day(year);
  const worker = {
    fieldWorkerKind: pick(['STAFF', 'AGENT_OF_CHANGE', 'VOLUNTEER']),
    fieldWorkerId: randomUUID(),
  };
  const of = { responseId, country };
  const events: NewEvent[] = [];
  for (let n = 0; n < 6; n++) {
    const registered = n < victims.length;
    const grant = n === 5;
    events.push(
      event(
        'ReliefDistributed',
        {
          ...of,
          distributionId: randomUUID(),
          kind: grant ? 'MICRO_PROJECT_GRANT' : pick(KINDS),
          recipientKind: registered ? 'BENEFICIARY' : 'RELIEF_RECIPIENT',
          beneficiaryId: registered ? victims[n] : null,
          recipientId: registered ? null : randomUUID(),
          // A relief recipient's reason, from her registration; none for a beneficiary.
          riskReason: registered ? null : pick(RISK_REASONS),
          amountMinor: grant ? 300_000 + Math.floor(random() * 200_000) : null,
          currency: grant ? 'THB' : null,
          ...worker,
          distributedOn: on,
        },
        on,
      ),
    );
  }
  for (let n = 0; n < 2; n++) {
    events.push(
      event(
        'PersonAtRiskRecorded',
        {
          ...of,
          entryId: randomUUID(),
          reason: pick(RISK_REASONS),
          sex: pick(['FEMALE', 'FEMALE', 'MALE']),
          ageBand: pick(AGE_BANDS),
          district: 'D',
          foundOn: on,
          ...worker,
        },
        on,
      ),
    );
  }
  events.push(
    event(
      'MigratedFamiliesRecorded',
      {
        ...of,
        entryId: randomUUID(),
        families: 1 + Math.floor(random() * 5),
        destination: pick(['TH', 'MY', 'CN']),
        district: 'D',
        recordedOn: on,
        ...worker,
      },
      on,
    ),
  );
  // A potential victim detected, then notified to networks, as relief records both.
  const detectionId = randomUUID();
  const formOfExploitation = pick(['FORCED_MARRIAGE', 'SEX_TRAFFICKING']);
  const minor = random() < 0.3;
  events.push(
    event(
      'PotentialVictimDetected',
      {
        ...of,
        detectionId,
        formOfExploitation,
        destination: formOfExploitation === 'FORCED_MARRIAGE' ? 'CN' : null,
        place: 'D',
        sex: 'FEMALE',
        ageBand: minor ? '12_17' : '18_24',
        detectedOn: on,
        ...worker,
      },
      on,
    ),
    event(
      'ReliefDetectionNotified',
      {
        ...of,
        detectionId,
        notificationId: randomUUID(),
        province: null,
        formOfExploitation,
        sex: 'FEMALE',
        minor,
        notifiedAt: `${on}T09:00:00.000Z`,
      },
      on,
    ),
  );
  return [[reliefResponseStreamId(responseId), events, 'any']];
}
