// The relief response decider: opening a response, and registering relief recipients and
// linking them to known beneficiaries.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  BeneficiaryErased,
  OutsideResponseDates,
  RecipientAlreadyLinked,
  ReliefResponseAlreadyOpened,
  ReliefResponseNotFound,
  ResponseEndsBeforeItStarts,
  UnknownRecipient,
} from '../errors';
import type { RegisterReliefRecipient, ReliefResponseCommand } from './commands';
import { reliefResponseDecider } from './relief-response';
import {
  agentId,
  beneficiaryId,
  distribute,
  known,
  metadata,
  opened,
  recipientId,
  registered,
  responseId,
  volunteer,
} from './relief-response-test-fixtures';

const spec = deciderSpecification(reliefResponseDecider);

function open(
  data: Partial<Extract<ReliefResponseCommand, { type: 'OpenReliefResponse' }>['data']> = {},
): ReliefResponseCommand {
  return {
    type: 'OpenReliefResponse',
    data: {
      responseId,
      name: 'COVID-19 2020',
      country: 'LA',
      startsOn: '2020-04-01',
      endsOn: '2020-12-31',
      funder: 'Alliance donors',
      ...data,
    },
    metadata: { ...metadata, role: 'relief_coordinator' },
  };
}

function register(data: Partial<RegisterReliefRecipient['data']> = {}): RegisterReliefRecipient {
  return {
    type: 'RegisterReliefRecipient',
    data: {
      recipientId,
      ageBand: '25_39',
      sex: 'FEMALE',
      district: 'Sikhottabong',
      householdSize: 4,
      singleMotherHead: true,
      riskReason: 'LOST_WORK_IN_TOURISM',
      registeredOn: '2020-05-02',
      fieldWorker: volunteer,
      sealedAlias: 'pii:v1:sealed-alias',
      ...data,
    },
    metadata,
  };
}

describe('a relief response', () => {
  describe('opening', () => {
    it('given nothing, when a coordinator opens a response, then it is opened', () =>
      spec.given([]).when(open()).then([opened]));
    it('given an opened response, when it is opened again alike, then nothing changes', () =>
      spec.given([opened]).when(open()).then([]));
    it('given an opened response, when it is opened with other facts, then it fails', () =>
      spec
        .given([opened])
        .when(open({ name: 'Floods' }))
        .thenThrows(ReliefResponseAlreadyOpened));
    it('when it ends before it starts, then it fails', () =>
      spec
        .given([])
        .when(open({ endsOn: '2020-03-01' }))
        .thenThrows(ResponseEndsBeforeItStarts));
    it('when its country is not one of operation, then it fails', () =>
      spec
        .given([])
        .when(open({ country: 'OTHER' }))
        .thenThrows(InvalidValue));
    it('given no response, when a distribution is recorded, then it fails', () =>
      spec.given([]).when(distribute()).thenThrows(ReliefResponseNotFound));
  });

  describe('recipients', () => {
    it('when a relief recipient is recorded with minimal data, then it is registered', () =>
      spec.given([opened]).when(register()).then([registered]));
    it('when a recipient is recorded outside the response dates, then it fails', () =>
      spec
        .given([opened])
        .when(register({ registeredOn: '2020-03-31' }))
        .thenThrows(OutsideResponseDates));
    it('given a recipient, when a coordinator links it to a known beneficiary, then it is linked', () =>
      spec
        .given([opened, registered])
        .when({
          type: 'LinkRecipientToBeneficiary',
          data: { recipientId, beneficiaryId, beneficiary: known },
          metadata,
        })
        .then([
          { type: 'ReliefRecipientLinked', data: { responseId, recipientId, beneficiaryId } },
        ]));
    it('given a linked recipient, when it is linked to another beneficiary, then it fails', () =>
      spec
        .given([
          opened,
          registered,
          { type: 'ReliefRecipientLinked', data: { responseId, recipientId, beneficiaryId } },
        ])
        .when({
          type: 'LinkRecipientToBeneficiary',
          data: { recipientId, beneficiaryId: agentId, beneficiary: known },
          metadata,
        })
        .thenThrows(RecipientAlreadyLinked));
    it('when a recipient is linked to an erased beneficiary, then it fails', () =>
      spec
        .given([opened, registered])
        .when({
          type: 'LinkRecipientToBeneficiary',
          data: { recipientId, beneficiaryId, beneficiary: { known: true, erased: true } },
          metadata,
        })
        .thenThrows(BeneficiaryErased));
    it('when an unknown recipient is linked, then it fails', () =>
      spec
        .given([opened])
        .when({
          type: 'LinkRecipientToBeneficiary',
          data: { recipientId, beneficiaryId, beneficiary: known },
          metadata,
        })
        .thenThrows(UnknownRecipient));
  });
});
