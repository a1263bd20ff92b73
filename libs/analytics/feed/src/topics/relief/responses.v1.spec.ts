import {
  notificationIdForDetection,
  RELIEF_INTEGRATION_EVENT_TYPES,
} from '@haven/relief/contracts';
import { messageText, publishedMessage, specPseudonyms, stored } from '../spec-support';
import { RELIEF_RESPONSES_V1 } from './responses.v1';

const responseId = '0193a0e4-0000-7000-8000-00000000ee01';
const beneficiaryId = '0193a0e4-0000-7000-8000-00000000b001';
const recipientId = '0193a0e4-0000-7000-8000-00000000b002';
const detectionId = '0193a0e4-0000-7000-8000-00000000de01';
const notificationId = notificationIdForDetection(detectionId);
const pseudonym = specPseudonyms.pseudonym.bind(specPseudonyms);
const response = pseudonym('response', responseId);
const fieldWork = { fieldWorkerKind: 'AGENT_OF_CHANGE', fieldWorkerId: 'agent-Marker-1' };
// Villages, aliases, field workers and Haven's ids never leave.
const SECRETS = [
  'Marker',
  responseId,
  beneficiaryId,
  recipientId,
  detectionId,
  notificationId,
  '0193a0e4',
];

const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'ReliefDistributed',
    {
      responseId,
      distributionId: '0193a0e4-0000-7000-8000-00000000d001',
      country: 'LA',
      kind: 'MICRO_PROJECT_GRANT',
      recipientKind: 'RELIEF_RECIPIENT',
      beneficiaryId,
      recipientId,
      riskReason: 'SINGLE_MOTHER',
      amountMinor: 200_000_000,
      currency: 'LAK',
      ...fieldWork,
      distributedOn: '2026-04-04',
    },
    {
      response,
      country: 'LA',
      kind: 'MICRO_PROJECT_GRANT',
      recipientKind: 'RELIEF_RECIPIENT',
      person: pseudonym('person', beneficiaryId),
      recipient: pseudonym('person', recipientId),
      riskReason: 'SINGLE_MOTHER',
      amountMinor: 200_000_000,
      currency: 'LAK',
      fieldWorkerKind: 'AGENT_OF_CHANGE',
      distributedOn: '2026-04-04',
    },
  ],
  [
    'PotentialVictimDetected',
    {
      responseId,
      country: 'LA',
      detectionId,
      formOfExploitation: 'FORCED_MARRIAGE',
      destination: 'CN',
      place: 'Marker-Village',
      sex: 'FEMALE',
      ageBand: '12_17',
      detectedOn: '2026-04-05',
      ...fieldWork,
    },
    {
      response,
      country: 'LA',
      formOfExploitation: 'FORCED_MARRIAGE',
      destination: 'CN',
      sex: 'FEMALE',
      ageBand: '12_17',
      fieldWorkerKind: 'AGENT_OF_CHANGE',
      detectedOn: '2026-04-05',
    },
  ],
  [
    'ReliefDetectionNotified',
    {
      responseId,
      detectionId,
      notificationId,
      country: 'LA',
      province: 'Marker-Village',
      formOfExploitation: 'SEX_TRAFFICKING',
      sex: 'FEMALE',
      minor: true,
      notifiedAt: '2026-04-05T13:14:15.161Z',
    },
    {
      response,
      notification: pseudonym('notification', notificationId),
      country: 'LA',
      formOfExploitation: 'SEX_TRAFFICKING',
      sex: 'FEMALE',
      minor: true,
      notifiedOn: '2026-04-05',
    },
  ],
  [
    'PersonAtRiskRecorded',
    {
      responseId,
      country: 'LA',
      entryId: '0193a0e4-0000-7000-8000-00000000e001',
      reason: 'SINGLE_MOTHER',
      sex: 'FEMALE',
      ageBand: '25_39',
      district: 'Marker-District',
      foundOn: '2026-04-06',
      ...fieldWork,
    },
    {
      response,
      country: 'LA',
      reason: 'SINGLE_MOTHER',
      sex: 'FEMALE',
      ageBand: '25_39',
      fieldWorkerKind: 'AGENT_OF_CHANGE',
      foundOn: '2026-04-06',
    },
  ],
  [
    'MigratedFamiliesRecorded',
    {
      responseId,
      country: 'LA',
      entryId: '0193a0e4-0000-7000-8000-00000000e002',
      families: 7,
      destination: 'TH',
      district: 'Marker-District',
      recordedOn: '2026-04-07',
      ...fieldWork,
    },
    {
      response,
      country: 'LA',
      families: 7,
      destination: 'TH',
      fieldWorkerKind: 'AGENT_OF_CHANGE',
      recordedOn: '2026-04-07',
    },
  ],
];

describe('haven.relief.responses.v1', () => {
  it('covers every integration event of relief', () =>
    expect(cases.map(([type]) => type)).toEqual([...RELIEF_INTEGRATION_EVENT_TYPES]));

  it.each(cases)(
    'given a stored %s, when the relay maps it, then it publishes only the allow-listed fields, pseudonymised, under the response pseudonym, valid against the published schema',
    (type, data, expected) => {
      const message = publishedMessage(
        RELIEF_RESPONSES_V1,
        stored(`reliefresponse-${responseId}`, type, data),
      );
      expect(message.key).toBe(response);
      expect(message.body).toEqual({ type, schemaVersion: 1, data: expected });
      for (const secret of SECRETS) expect(messageText(message)).not.toContain(secret);
    },
  );

  it('given a detection notified, then its notification has the pseudonym networks publishes it under', () => {
    const message = publishedMessage(
      RELIEF_RESPONSES_V1,
      stored(`reliefresponse-${responseId}`, 'ReliefDetectionNotified', cases[2][1]),
    );
    expect(message.body?.data.notification).toBe(pseudonym('notification', notificationId));
  });

  it('given goods handed to a beneficiary, then there is no recipient, amount or currency (null), and it is still valid', () => {
    const message = publishedMessage(
      RELIEF_RESPONSES_V1,
      stored(`reliefresponse-${responseId}`, 'ReliefDistributed', {
        ...cases[0][1],
        kind: 'NECESSITY_BAG',
        recipientKind: 'BENEFICIARY',
        recipientId: null,
        riskReason: null,
        amountMinor: null,
        currency: null,
      }),
    );
    expect(message.body?.data).toMatchObject({
      recipient: null,
      riskReason: null,
      amountMinor: null,
      currency: null,
    });
  });

  it('given a detection recorded before it carried a country and a destination, then both are null', () => {
    const { country: _country, destination: _destination, ...older } = cases[1][1];
    const message = publishedMessage(
      RELIEF_RESPONSES_V1,
      stored(`reliefresponse-${responseId}`, 'PotentialVictimDetected', older),
    );
    expect(message.body?.data).toMatchObject({ country: null, destination: null });
  });

  it('given a person at risk recorded before the event carried a country, then the country is null', () => {
    const { country: _unknown, ...older } = cases[3][1];
    const message = publishedMessage(
      RELIEF_RESPONSES_V1,
      stored(`reliefresponse-${responseId}`, 'PersonAtRiskRecorded', older),
    );
    expect(message.body?.data.country).toBeNull();
  });
});
