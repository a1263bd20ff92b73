import { ADVOCACY_INTEGRATION_EVENT_TYPES } from '@haven/legal/contracts';
import { messageText, publishedMessage, specPseudonyms, stored } from '../spec-support';
import { ADVOCACY_ACTIONS_V1 } from './advocacy-actions.v1';

const actionId = '0193a0e3-0000-7000-8000-00000000ad01';
const partnerIds = ['0193a0e3-0000-7000-8000-00000000c001', '0193a0e3-0000-7000-8000-00000000c002'];
const action = specPseudonyms.pseudonym('advocacy', actionId);

describe('haven.legal.advocacy-actions.v1', () => {
  it.each([
    [
      'AdvocacyActionRecorded',
      {
        actionId,
        kind: 'PETITION',
        country: 'LA',
        subject: 'Marker: the minimum age of marriage',
        partnerOrganisationIds: partnerIds,
        outcome: 'PENDING',
        on: '2026-03-08',
      },
      {
        action,
        kind: 'PETITION',
        country: 'LA',
        partnerOrganisations: 2,
        outcome: 'PENDING',
        recordedOn: '2026-03-08',
      },
    ],
    [
      'AdvocacyOutcomeRecorded',
      { actionId, country: 'LA', outcome: 'PARTLY_ACHIEVED', on: '2026-10-10' },
      { action, country: 'LA', outcome: 'PARTLY_ACHIEVED', recordedOn: '2026-10-10' },
    ],
  ])(
    'given a stored %s, when the relay maps it, then it publishes the kind, country and outcome under the action pseudonym; neither the subject nor the partners leave',
    (type, data, expected) => {
      const message = publishedMessage(
        ADVOCACY_ACTIONS_V1,
        stored(`legaladvocacy-${actionId}`, type, data),
      );
      expect(message.key).toBe(action);
      expect(message.body).toEqual({ type, schemaVersion: 1, data: expected });
      for (const secret of ['Marker', 'minimum age', actionId, ...partnerIds]) {
        expect(messageText(message)).not.toContain(secret);
      }
    },
  );

  it('covers every advocacy integration event', () =>
    expect(Object.keys(ADVOCACY_ACTIONS_V1.events)).toEqual([...ADVOCACY_INTEGRATION_EVENT_TYPES]));
});
