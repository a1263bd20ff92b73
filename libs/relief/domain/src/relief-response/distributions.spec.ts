// The relief response decider's distributions: necessity bags, goods and micro-project grants,
// their dates, country and amounts, and who may receive them.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  AgentOfChangeNeedsReference,
  BeneficiaryErased,
  EntryIdTaken,
  GrantOnlyForMicroProjects,
  GrantRequired,
  OutsideResponseCountry,
  OutsideResponseDates,
  UnknownBeneficiary,
  UnknownRecipient,
} from '../errors';
import type { ReliefResponseEvent } from './events';
import { reliefResponseDecider } from './relief-response';
import {
  beneficiaryId,
  distribute,
  distributionId,
  known,
  metadata,
  opened,
  recipientId,
  registered,
  responseId,
} from './relief-response-test-fixtures';

const spec = deciderSpecification(reliefResponseDecider);

const distributed: ReliefResponseEvent = {
  type: 'ReliefDistributed',
  data: {
    responseId,
    distributionId,
    country: 'LA',
    kind: 'NECESSITY_BAG',
    recipientKind: 'RELIEF_RECIPIENT',
    beneficiaryId: null,
    recipientId,
    riskReason: 'LOST_WORK_IN_TOURISM',
    amountMinor: null,
    currency: null,
    fieldWorkerKind: 'VOLUNTEER',
    fieldWorkerId: 'worker-1',
    distributedOn: '2020-05-04',
  },
};

describe('a relief response', () => {
  describe('distributions', () => {
    it('given a recipient, when a necessity bag is given, then it is recorded', () =>
      spec.given([opened, registered]).when(distribute()).then([distributed]));
    it('given a recorded distribution, when it is recorded again alike, then nothing changes', () =>
      spec.given([opened, registered, distributed]).when(distribute()).then([]));
    it('given a recorded distribution, when its id is reused for other facts, then it fails', () =>
      spec
        .given([opened, registered, distributed])
        .when(distribute({ kind: 'GOODS' }))
        .thenThrows(EntryIdTaken));
    it('when a distribution is before the response starts, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ distributedOn: '2020-03-31' }))
        .thenThrows(OutsideResponseDates));
    it('when a distribution is after the response ends, then it fails', () =>
      spec
        .given([opened, registered])
        .when({
          ...distribute({ distributedOn: '2021-01-01' }),
          metadata: { ...metadata, occurredAt: '2021-02-01T00:00:00Z' },
        })
        .thenThrows(OutsideResponseDates));
    it('when a distribution is in the future, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ distributedOn: '2020-07-02' }))
        .thenThrows(InvalidValue));
    it('when a distribution is in another country, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ country: 'TH' }))
        .thenThrows(OutsideResponseCountry));
    it('when a micro-project grant has no amount, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ kind: 'MICRO_PROJECT_GRANT' }))
        .thenThrows(GrantRequired));
    it('when a grant has no positive amount, then it fails', () =>
      spec
        .given([opened, registered])
        .when(
          distribute({ kind: 'MICRO_PROJECT_GRANT', grant: { amountMinor: 0, currency: 'LAK' } }),
        )
        .thenThrows(InvalidValue));
    it('when a grant has no known currency, then it fails', () =>
      spec
        .given([opened, registered])
        .when(
          distribute({ kind: 'MICRO_PROJECT_GRANT', grant: { amountMinor: 10, currency: 'XXL' } }),
        )
        .thenThrows(InvalidValue));
    it('when goods carry an amount, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ kind: 'GOODS', grant: { amountMinor: 10, currency: 'LAK' } }))
        .thenThrows(GrantOnlyForMicroProjects));
    it('when a grant has an amount and a currency, then it is recorded in minor units', () =>
      spec
        .given([opened, registered])
        .when(
          distribute({
            kind: 'MICRO_PROJECT_GRANT',
            grant: { amountMinor: 500_000, currency: 'LAK' },
          }),
        )
        .then([
          {
            ...distributed,
            data: {
              ...distributed.data,
              kind: 'MICRO_PROJECT_GRANT',
              amountMinor: 500_000,
              currency: 'LAK',
            },
          } as ReliefResponseEvent,
        ]));
    it('when a registered beneficiary receives goods, then it names the beneficiary', () =>
      spec
        .given([opened])
        .when(distribute({ recipient: { kind: 'BENEFICIARY', beneficiaryId, beneficiary: known } }))
        .then([
          {
            ...distributed,
            data: {
              ...distributed.data,
              recipientKind: 'BENEFICIARY',
              beneficiaryId,
              recipientId: null,
              riskReason: null,
            },
          } as ReliefResponseEvent,
        ]));
    it('when an erased beneficiary would receive, then it fails: they take nothing new', () =>
      spec
        .given([opened])
        .when(
          distribute({
            recipient: {
              kind: 'BENEFICIARY',
              beneficiaryId,
              beneficiary: { known: true, erased: true },
            },
          }),
        )
        .thenThrows(BeneficiaryErased));
    it('when an unknown beneficiary would receive, then it fails', () =>
      spec
        .given([opened])
        .when(
          distribute({
            recipient: {
              kind: 'BENEFICIARY',
              beneficiaryId,
              beneficiary: { known: false, erased: false },
            },
          }),
        )
        .thenThrows(UnknownBeneficiary));
    it('when an unregistered relief recipient would receive, then it fails', () =>
      spec.given([opened]).when(distribute()).thenThrows(UnknownRecipient));
    it('given a linked recipient, when it receives, then the distribution names the beneficiary too', () =>
      spec
        .given([
          opened,
          registered,
          { type: 'ReliefRecipientLinked', data: { responseId, recipientId, beneficiaryId } },
        ])
        .when(distribute())
        .then([
          { ...distributed, data: { ...distributed.data, beneficiaryId } } as ReliefResponseEvent,
        ]));
    it('when an agent of change is not named by a register id, then it fails', () =>
      spec
        .given([opened, registered])
        .when(distribute({ fieldWorker: { kind: 'AGENT_OF_CHANGE', id: 'someone' } }))
        .thenThrows(AgentOfChangeNeedsReference));
  });
});
