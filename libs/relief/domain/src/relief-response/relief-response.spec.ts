import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import { notificationIdForDetection } from '@haven/relief/contracts';
import {
  AgentOfChangeNeedsReference,
  BeneficiaryErased,
  DetectionAlreadyNotified,
  DetectionNotFound,
  EntryIdTaken,
  FollowUpBeforeStart,
  GrantOnlyForMicroProjects,
  GrantRequired,
  MicroProjectNotFound,
  OutsideResponseCountry,
  OutsideResponseDates,
  RecipientAlreadyLinked,
  ReliefResponseAlreadyOpened,
  ReliefResponseNotFound,
  ResponseEndsBeforeItStarts,
  UnknownBeneficiary,
  UnknownRecipient,
} from '../errors';
import type {
  RecordDistribution,
  RecordPotentialVictim,
  RegisterReliefRecipient,
  ReliefResponseCommand,
  StartMicroProject,
} from './commands';
import type { ReliefResponseEvent } from './events';
import { reliefResponseDecider } from './relief-response';

const spec = deciderSpecification(reliefResponseDecider);
const responseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c01';
const recipientId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c02';
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c03';
const distributionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c04';
const detectionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c05';
const projectId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c06';
const agentId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c07';
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
    funder: 'Alliance donors',
  },
};
const registered: ReliefResponseEvent = {
  type: 'ReliefRecipientRegistered',
  data: {
    responseId,
    recipientId,
    ageBand: '25_39',
    sex: 'FEMALE',
    district: 'Sikhottabong',
    householdSize: 4,
    singleMotherHead: true,
    riskReason: 'LOST_WORK_IN_TOURISM',
    registeredOn: '2020-05-02',
    fieldWorkerKind: 'VOLUNTEER',
    fieldWorkerId: 'worker-1',
    sealedAlias: 'pii:v1:sealed-alias',
  },
};
const detected: ReliefResponseEvent = {
  type: 'PotentialVictimDetected',
  data: {
    responseId,
    detectionId,
    formOfExploitation: 'FORCED_MARRIAGE',
    place: 'Sikhottabong',
    sex: 'FEMALE',
    ageBand: '12_17',
    detectedOn: '2020-05-03',
    fieldWorkerKind: 'AGENT_OF_CHANGE',
    fieldWorkerId: agentId,
  },
};

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

function distribute(data: Partial<RecordDistribution['data']> = {}): RecordDistribution {
  return {
    type: 'RecordDistribution',
    data: {
      distributionId,
      kind: 'NECESSITY_BAG',
      recipient: { kind: 'RELIEF_RECIPIENT', recipientId },
      grant: null,
      country: 'LA',
      distributedOn: '2020-05-04',
      fieldWorker: volunteer,
      ...data,
    },
    metadata,
  };
}

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
    amountMinor: null,
    currency: null,
    fieldWorkerKind: 'VOLUNTEER',
    fieldWorkerId: 'worker-1',
    distributedOn: '2020-05-04',
  },
};

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

function detect(data: Partial<RecordPotentialVictim['data']> = {}): RecordPotentialVictim {
  return {
    type: 'RecordPotentialVictim',
    data: {
      detectionId,
      formOfExploitation: 'FORCED_MARRIAGE',
      place: 'Sikhottabong',
      sex: 'FEMALE',
      ageBand: '12_17',
      detectedOn: '2020-05-03',
      fieldWorker: { kind: 'AGENT_OF_CHANGE', id: agentId, inRegister: true },
      ...data,
    },
    metadata,
  };
}

const notify: ReliefResponseCommand = {
  type: 'NotifyDetection',
  data: { detectionId },
  metadata: { ...metadata, role: 'relief_coordinator' },
};

function startProject(data: Partial<StartMicroProject['data']> = {}): StartMicroProject {
  return {
    type: 'StartMicroProject',
    data: {
      projectId,
      recipient: { kind: 'RELIEF_RECIPIENT', recipientId },
      kind: 'FOOD_VENDING',
      grant: { amountMinor: 150_000_000, currency: 'LAK' },
      marketCheckDone: true,
      startedOn: '2020-06-01',
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

  describe('data collection', () => {
    it('when a person at risk is recorded, then it is recorded with its reason', () =>
      spec
        .given([opened])
        .when({
          type: 'RecordPersonAtRisk',
          data: {
            entryId: distributionId,
            reason: 'LOST_WORK_IN_PROSTITUTION',
            sex: 'FEMALE',
            ageBand: '18_24',
            district: 'Xaythany',
            foundOn: '2020-05-05',
            fieldWorker: volunteer,
          },
          metadata,
        })
        .then([
          {
            type: 'PersonAtRiskRecorded',
            data: {
              responseId,
              country: 'LA',
              entryId: distributionId,
              reason: 'LOST_WORK_IN_PROSTITUTION',
              sex: 'FEMALE',
              ageBand: '18_24',
              district: 'Xaythany',
              foundOn: '2020-05-05',
              fieldWorkerKind: 'VOLUNTEER',
              fieldWorkerId: 'worker-1',
            },
          },
        ]));
    it('when migrated families name no country code as destination, then it fails', () =>
      spec
        .given([opened])
        .when({
          type: 'RecordMigratedFamilies',
          data: {
            entryId: distributionId,
            families: 3,
            destination: 'Thailand',
            district: 'Xaythany',
            recordedOn: '2020-05-05',
            fieldWorker: volunteer,
          },
          metadata,
        })
        .thenThrows(InvalidValue));
    it('when migrated families are counted with a destination, then they are recorded', () =>
      spec
        .given([opened])
        .when({
          type: 'RecordMigratedFamilies',
          data: {
            entryId: distributionId,
            families: 3,
            destination: 'TH',
            district: 'Xaythany',
            recordedOn: '2020-05-05',
            fieldWorker: volunteer,
          },
          metadata,
        })
        .then([
          {
            type: 'MigratedFamiliesRecorded',
            data: {
              responseId,
              country: 'LA',
              entryId: distributionId,
              families: 3,
              destination: 'TH',
              district: 'Xaythany',
              recordedOn: '2020-05-05',
              fieldWorkerKind: 'VOLUNTEER',
              fieldWorkerId: 'worker-1',
            },
          },
        ]));
  });

  describe('detections', () => {
    it('when a potential victim is detected, then it is recorded with form and place', () =>
      spec.given([opened]).when(detect()).then([detected]));
    it('when a detection names no known form of exploitation, then it fails', () =>
      spec
        .given([opened])
        .when(detect({ formOfExploitation: 'BAD' }))
        .thenThrows(InvalidValue));
    it('given a detection, when a coordinator notifies it, then networks is told with a derived id', () =>
      spec
        .given([opened, detected])
        .when(notify)
        .then([
          {
            type: 'ReliefDetectionNotified',
            data: {
              responseId,
              detectionId,
              notificationId: notificationIdForDetection(detectionId),
              country: 'LA',
              province: 'Sikhottabong',
              formOfExploitation: 'FORCED_MARRIAGE',
              sex: 'FEMALE',
              minor: true,
              notifiedAt: '2020-06-30T08:00:00.000Z',
            },
          },
        ]));
    it('given a notified detection, when it is notified again, then it fails: at most once', () => {
      const notified = reliefResponseDecider.decide(
        notify,
        [opened, detected].reduce(
          reliefResponseDecider.evolve,
          reliefResponseDecider.initialState(),
        ),
      );
      spec
        .given([opened, detected, ...notified])
        .when(notify)
        .thenThrows(DetectionAlreadyNotified);
    });
    it('when an unknown detection is notified, then it fails', () =>
      spec.given([opened]).when(notify).thenThrows(DetectionNotFound));
  });

  describe('micro-projects', () => {
    const started: ReliefResponseEvent = {
      type: 'MicroProjectStarted',
      data: {
        responseId,
        projectId,
        beneficiaryId: null,
        recipientId,
        kind: 'FOOD_VENDING',
        amountMinor: 150_000_000,
        currency: 'LAK',
        marketCheckDone: true,
        startedOn: '2020-06-01',
      },
    };
    it('when a family starts a micro-project with a grant, then it is started', () =>
      spec.given([opened, registered]).when(startProject()).then([started]));
    it('when a micro-project grant is not positive, then it fails', () =>
      spec
        .given([opened, registered])
        .when(startProject({ grant: { amountMinor: -5, currency: 'LAK' } }))
        .thenThrows(InvalidValue));
    it('given a project, when a follow-up comes before its start, then it fails', () =>
      spec
        .given([opened, registered, started])
        .when({
          type: 'RecordMicroProjectFollowUp',
          data: {
            projectId,
            followUpId: detectionId,
            followedUpOn: '2020-05-30',
            status: 'RUNNING',
          },
          metadata,
        })
        .thenThrows(FollowUpBeforeStart));
    it('given a project, when it is followed up, then the follow-up is recorded', () =>
      spec
        .given([opened, registered, started])
        .when({
          type: 'RecordMicroProjectFollowUp',
          data: {
            projectId,
            followUpId: detectionId,
            followedUpOn: '2020-06-20',
            status: 'RUNNING',
          },
          metadata,
        })
        .then([
          {
            type: 'MicroProjectFollowedUp',
            data: {
              responseId,
              projectId,
              followUpId: detectionId,
              followedUpOn: '2020-06-20',
              status: 'RUNNING',
            },
          },
        ]));
    it('when an unknown project is followed up, then it fails', () =>
      spec
        .given([opened])
        .when({
          type: 'RecordMicroProjectFollowUp',
          data: {
            projectId,
            followUpId: detectionId,
            followedUpOn: '2020-06-20',
            status: 'RUNNING',
          },
          metadata,
        })
        .thenThrows(MicroProjectNotFound));
  });
});
