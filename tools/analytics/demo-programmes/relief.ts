// A country's demo relief response, with the aliases and districts of the relief demo seed.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@haven/platform/event-store';
import { ALIASES, DISTRICTS } from '../../seed/relief-demo';
import { CURRENCY, type DemoLedger, type DemoVictim, type IdMaker } from './demo';

export function reliefResponse(
  country: 'TH' | 'LA' | 'MM',
  victims: readonly DemoVictim[],
  ledger: DemoLedger,
  id: IdMaker,
  staff: IdMaker,
): [string, NewEvent[]] {
  const responseId = id();
  const on = '2025-06-01';
  const at = `${on}T07:00:00.000Z`;
  const fieldWork = () => ({ fieldWorkerKind: 'AGENT_OF_CHANGE', fieldWorkerId: staff() });
  DISTRICTS[country].forEach((district) => ledger.personal.add(district));
  const events: NewEvent[] = [];
  for (const [index, alias] of ALIASES[country].entries()) {
    const recipientId = id();
    ledger.personal.add(alias);
    // Internal to relief: the recipient and her alias, sealed with her own key.
    events.push(
      ledger.event(
        'ReliefRecipientRegistered',
        { responseId, recipientId, alias: ledger.sealed(recipientId, 'alias', alias) },
        at,
      ),
      ledger.event(
        'ReliefDistributed',
        {
          responseId,
          distributionId: id(),
          country,
          kind: index % 2 ? 'NECESSITY_BAG' : 'MICRO_PROJECT_GRANT',
          recipientKind: 'RELIEF_RECIPIENT',
          beneficiaryId: index === 0 ? (victims[0]?.id ?? null) : null,
          recipientId,
          amountMinor: index % 2 ? null : 350_000,
          currency: index % 2 ? null : CURRENCY[country],
          ...fieldWork(),
          distributedOn: on,
        },
        at,
      ),
    );
  }
  for (const victim of victims.slice(0, 5)) {
    events.push(
      ledger.event(
        'ReliefDistributed',
        {
          responseId,
          distributionId: id(),
          country,
          kind: 'GOODS',
          recipientKind: 'BENEFICIARY',
          beneficiaryId: victim.id,
          recipientId: null,
          amountMinor: null,
          currency: null,
          ...fieldWork(),
          distributedOn: on,
        },
        at,
      ),
    );
  }
  const [first, second, third] = DISTRICTS[country];
  const detectionId = id();
  const notificationId = randomUUID();
  ledger.ids.add(notificationId);
  // Not personal, but finer than the day the contract publishes: it must not leave either.
  ledger.personal.add('11:42:13');
  events.push(
    ledger.event(
      'ReliefDetectionNotified',
      {
        responseId,
        detectionId,
        notificationId,
        country,
        province: first,
        formOfExploitation: 'SEX_TRAFFICKING',
        sex: 'FEMALE',
        minor: true,
        notifiedAt: `${on}T11:42:13.377Z`,
      },
      at,
    ),
    ledger.event(
      'PersonAtRiskRecorded',
      {
        responseId,
        country,
        entryId: id(),
        reason: 'SINGLE_MOTHER',
        sex: 'FEMALE',
        ageBand: '25_39',
        district: second,
        foundOn: on,
        ...fieldWork(),
      },
      at,
    ),
    ledger.event(
      'MigratedFamiliesRecorded',
      {
        responseId,
        country,
        entryId: id(),
        families: 4,
        destination: 'MY',
        district: third,
        recordedOn: on,
        ...fieldWork(),
      },
      at,
    ),
  );
  return [`reliefresponse-${responseId}`, events];
}
