import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  EntryIdTaken,
  RecipientAliasRequired,
  RecipientAlreadyLinked,
  RecipientErased,
  UnknownAgentOfChange,
  UnknownRecipient,
} from '../errors';
import type { ReliefResponseCommand } from './commands';
import type { ReliefResponseEvent } from './events';
import { reliefResponseDecider } from './relief-response';

// Sealed aliases, erasure, the same link again, and agents of change from networks' register.

const spec = deciderSpecification(reliefResponseDecider);
const responseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d01';
const recipientId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d02';
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d03';
const otherBeneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d04';
const distributionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d05';
const agentId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d06';
const entryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d07';
const metadata = {
  actorId: 'worker-1',
  role: 'field_worker',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-06-30T08:00:00.000Z',
};
const volunteer = { kind: 'VOLUNTEER' as const, id: 'worker-1' };
const known = { known: true, erased: false };

const opened: ReliefResponseEvent = {
  type: 'ReliefResponseOpened',
  data: {
    responseId,
    name: 'COVID-19 2020',
    country: 'LA',
    startsOn: '2020-04-01',
    endsOn: '2020-12-31',
    funder: null,
  },
};
const facts = {
  responseId,
  recipientId,
  ageBand: '40_59' as const,
  sex: 'FEMALE' as const,
  district: 'Xaythany',
  householdSize: 5,
  singleMotherHead: true,
  riskReason: 'SINGLE_MOTHER' as const,
  registeredOn: '2020-05-02',
  fieldWorkerKind: 'VOLUNTEER' as const,
  fieldWorkerId: 'worker-1',
};
const registered: ReliefResponseEvent = {
  type: 'ReliefRecipientRegistered',
  data: { ...facts, sealedAlias: 'pii:v1:first-seal' },
};
/** As recipients were recorded before aliases were kept: no `sealedAlias` at all. */
const registeredWithoutAlias: ReliefResponseEvent = {
  type: 'ReliefRecipientRegistered',
  data: facts,
};
const erased: ReliefResponseEvent = {
  type: 'ReliefRecipientAliasErased',
  data: { responseId, recipientId },
};
const linked: ReliefResponseEvent = {
  type: 'ReliefRecipientLinked',
  data: { responseId, recipientId, beneficiaryId },
};

function register(sealedAlias: string | null, householdSize = 5): ReliefResponseCommand {
  return {
    type: 'RegisterReliefRecipient',
    data: {
      recipientId,
      ageBand: '40_59',
      sex: 'FEMALE',
      district: 'Xaythany',
      householdSize,
      singleMotherHead: true,
      riskReason: 'SINGLE_MOTHER',
      registeredOn: '2020-05-02',
      fieldWorker: volunteer,
      sealedAlias,
    },
    metadata,
  };
}

const erase: ReliefResponseCommand = {
  type: 'EraseReliefRecipientAlias',
  data: { recipientId },
  metadata: { ...metadata, role: 'relief_coordinator' },
};

function link(to: string, beneficiary = known): ReliefResponseCommand {
  return {
    type: 'LinkRecipientToBeneficiary',
    data: { recipientId, beneficiaryId: to, beneficiary },
    metadata: { ...metadata, role: 'relief_coordinator' },
  };
}

function bag(fieldWorker: { kind: 'AGENT_OF_CHANGE'; id: string; inRegister?: boolean }) {
  return {
    type: 'RecordDistribution' as const,
    data: {
      distributionId,
      kind: 'NECESSITY_BAG' as const,
      recipient: { kind: 'RELIEF_RECIPIENT' as const, recipientId },
      grant: null,
      country: 'LA',
      distributedOn: '2020-05-04',
      fieldWorker,
    },
    metadata,
  };
}

describe('a relief recipient’s sealed alias', () => {
  it('when a recipient is recorded with a sealed alias, then the event holds the seal only', () =>
    spec.given([opened]).when(register('pii:v1:first-seal')).then([registered]));
  it('when a recipient is recorded without an alias, then it fails', () =>
    spec.given([opened]).when(register(null)).thenThrows(RecipientAliasRequired));
  it('given a recipient, when it is recorded again alike with a new seal, then nothing changes', () =>
    spec.given([opened, registered]).when(register('pii:v1:second-seal')).then([]));
  it('given a recipient, when a retry is not sealed again, then nothing changes', () =>
    spec.given([opened, registered]).when(register(null)).then([]));
  it('given a recipient, when its id is recorded with other facts, then it fails', () =>
    spec.given([opened, registered]).when(register('pii:v1:x', 6)).thenThrows(EntryIdTaken));
  it('given a recipient recorded before aliases were kept, when it is retried, then nothing changes', () =>
    spec.given([opened, registeredWithoutAlias]).when(register(null)).then([]));
});

describe('erasing a relief recipient’s alias', () => {
  it('given a recipient, when a coordinator erases its alias, then it is erased', () =>
    spec.given([opened, registered]).when(erase).then([erased]));
  it('given an erased alias, when it is erased again, then nothing changes', () =>
    spec.given([opened, registered, erased]).when(erase).then([]));
  it('given no such recipient, when its alias is erased, then it fails', () =>
    spec.given([opened]).when(erase).thenThrows(UnknownRecipient));
  it('given an erased recipient, when it is given a bag, then it fails', () =>
    spec
      .given([opened, registered, erased])
      .when(bag({ kind: 'AGENT_OF_CHANGE', id: agentId, inRegister: true }))
      .thenThrows(RecipientErased));
  it('given an erased recipient, when it is linked to a beneficiary, then it fails', () =>
    spec.given([opened, registered, erased]).when(link(beneficiaryId)).thenThrows(RecipientErased));
  it('given a recipient recorded before aliases were kept, when its alias is erased, then it is erased', () =>
    spec.given([opened, registeredWithoutAlias]).when(erase).then([erased]));
});

describe('linking a relief recipient again', () => {
  it('given a linked recipient, when it is linked to the same beneficiary again, then nothing changes', () =>
    spec.given([opened, registered, linked]).when(link(beneficiaryId)).then([]));
  it('given a linked recipient whose beneficiary was erased since, when the link is retried, then nothing changes', () =>
    spec
      .given([opened, registered, linked])
      .when(link(beneficiaryId, { known: true, erased: true }))
      .then([]));
  it('given a linked recipient, when it is linked to another beneficiary, then it fails with a named reason', () =>
    spec
      .given([opened, registered, linked])
      .when(link(otherBeneficiaryId))
      .thenThrows(RecipientAlreadyLinked));
});

const bagGiven: ReliefResponseEvent = {
  type: 'ReliefDistributed',
  data: {
    responseId,
    distributionId,
    country: 'LA',
    kind: 'NECESSITY_BAG',
    recipientKind: 'RELIEF_RECIPIENT',
    beneficiaryId: null,
    recipientId,
    amountMinor: null,
    currency: null,
    fieldWorkerKind: 'AGENT_OF_CHANGE',
    fieldWorkerId: agentId,
    distributedOn: '2020-05-04',
  },
};

describe('retrying a distribution after what happened since', () => {
  const agent = { kind: 'AGENT_OF_CHANGE' as const, id: agentId, inRegister: true };
  it('given a bag to a recipient who was linked since, when the bag is retried, then nothing changes', () =>
    spec.given([opened, registered, bagGiven, linked]).when(bag(agent)).then([]));
  it('given a bag to a recipient whose alias was erased since, when the bag is retried, then nothing changes', () =>
    spec.given([opened, registered, bagGiven, erased]).when(bag(agent)).then([]));
  it('given a bag, when its id is retried for another recipient kind of facts, then it fails', () =>
    spec
      .given([opened, registered, bagGiven, linked])
      .when({ ...bag(agent), data: { ...bag(agent).data, kind: 'GOODS' } })
      .thenThrows(EntryIdTaken));
});

describe('agents of change, from networks’ register', () => {
  it('given an agent of change the register holds, when she records a bag, then it is recorded', () =>
    spec
      .given([opened, registered])
      .when(bag({ kind: 'AGENT_OF_CHANGE', id: agentId, inRegister: true }))
      .then([
        {
          type: 'ReliefDistributed',
          data: {
            responseId,
            distributionId,
            country: 'LA',
            kind: 'NECESSITY_BAG',
            recipientKind: 'RELIEF_RECIPIENT',
            beneficiaryId: null,
            recipientId,
            riskReason: 'SINGLE_MOTHER',
            amountMinor: null,
            currency: null,
            fieldWorkerKind: 'AGENT_OF_CHANGE',
            fieldWorkerId: agentId,
            distributedOn: '2020-05-04',
          },
        },
      ]));
  it('when an agent of change the register does not hold records a bag, then it fails', () =>
    spec
      .given([opened, registered])
      .when(bag({ kind: 'AGENT_OF_CHANGE', id: agentId, inRegister: false }))
      .thenThrows(UnknownAgentOfChange));
  it('when an agent of change the register does not hold records a person at risk, then it fails', () =>
    spec
      .given([opened])
      .when({
        type: 'RecordPersonAtRisk',
        data: {
          entryId,
          reason: 'LOST_WORK_IN_TOURISM',
          sex: 'FEMALE',
          ageBand: '18_24',
          district: 'Xaythany',
          foundOn: '2020-05-05',
          fieldWorker: { kind: 'AGENT_OF_CHANGE', id: agentId },
        },
        metadata,
      })
      .thenThrows(UnknownAgentOfChange));
});
