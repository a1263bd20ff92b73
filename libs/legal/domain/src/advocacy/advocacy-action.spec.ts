import { deciderSpecification } from '@haven/platform/decider-testing';
import { AdvocacyActionAlreadyRecorded, AdvocacyActionNotFound, SameOutcome } from '../errors';
import { advocacyDecider, type AdvocacyCommand } from './advocacy-action';

const spec = deciderSpecification(advocacyDecider);
const metadata = {
  actorId: 'legal-la-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2020-12-01T00:00:00.000Z',
};
const actionId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0e01';
const data = {
  actionId,
  kind: 'PETITION' as const,
  country: 'LA',
  subject: 'Age verification of victims across borders',
  partnerOrganisationIds: [],
  outcome: 'PENDING' as const,
  on: '2020-09-01',
};
const record: AdvocacyCommand = { type: 'RecordAdvocacyAction', data, metadata };
const outcome = (value: 'ACHIEVED' | 'PENDING'): AdvocacyCommand => ({
  type: 'RecordAdvocacyOutcome',
  data: { actionId, outcome: value, on: '2020-11-01' },
  metadata,
});

describe('advocacy actions', () => {
  it('records an action once, and its outcome when it changes', () => {
    spec
      .given([])
      .when(record)
      .then([{ type: 'AdvocacyActionRecorded', data }]);
    spec
      .given([{ type: 'AdvocacyActionRecorded', data }])
      .when(record)
      .thenThrows(AdvocacyActionAlreadyRecorded);
    spec
      .given([{ type: 'AdvocacyActionRecorded', data }])
      .when(outcome('ACHIEVED'))
      .then([
        {
          type: 'AdvocacyOutcomeRecorded',
          data: { actionId, country: 'LA', outcome: 'ACHIEVED', on: '2020-11-01' },
        },
      ]);
    spec
      .given([{ type: 'AdvocacyActionRecorded', data }])
      .when(outcome('PENDING'))
      .thenThrows(SameOutcome);
    spec.given([]).when(outcome('ACHIEVED')).thenThrows(AdvocacyActionNotFound);
  });
});
