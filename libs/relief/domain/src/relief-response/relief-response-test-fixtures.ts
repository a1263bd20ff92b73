// Test-only: the setup shared by the relief response decider's specs (opening-and-recipients,
// distributions, data-collection-and-detections, micro-projects): the ids, the command metadata,
// an opened response, a registered recipient, and a distribution to her. Not exported from the
// library.
import type { RecordDistribution } from './commands';
import type { ReliefResponseEvent } from './events';

export const responseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c01';
export const recipientId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c02';
export const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c03';
export const distributionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c04';
export const detectionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c05';
export const projectId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c06';
export const agentId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c07';
export const metadata = {
  actorId: 'worker-1',
  role: 'field_worker',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-06-30T08:00:00.000Z',
};
export const volunteer = { kind: 'VOLUNTEER' as const, id: 'worker-1' };
export const known = { known: true, erased: false };

export const opened: ReliefResponseEvent = {
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
export const registered: ReliefResponseEvent = {
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

export function distribute(data: Partial<RecordDistribution['data']> = {}): RecordDistribution {
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
