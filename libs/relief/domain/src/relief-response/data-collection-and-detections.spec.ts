// The relief response decider's data collection (persons at risk, migrated families) and
// detections of potential victims, notified to networks at most once.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import { notificationIdForDetection } from '@haven/relief/contracts';
import { DetectionAlreadyNotified, DetectionNotFound } from '../errors';
import type { RecordPotentialVictim, ReliefResponseCommand } from './commands';
import type { ReliefResponseEvent } from './events';
import { reliefResponseDecider } from './relief-response';
import {
  agentId,
  detectionId,
  distributionId,
  metadata,
  opened,
  responseId,
  volunteer,
} from './relief-response-test-fixtures';

const spec = deciderSpecification(reliefResponseDecider);
const detected: ReliefResponseEvent = {
  type: 'PotentialVictimDetected',
  data: {
    responseId,
    country: 'LA',
    detectionId,
    formOfExploitation: 'FORCED_MARRIAGE',
    destination: null,
    place: 'Sikhottabong',
    sex: 'FEMALE',
    ageBand: '12_17',
    detectedOn: '2020-05-03',
    fieldWorkerKind: 'AGENT_OF_CHANGE',
    fieldWorkerId: agentId,
  },
};

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

describe('a relief response', () => {
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
    it('when a detection names where she was to be taken, then it is recorded with it', () =>
      spec
        .given([opened])
        .when(detect({ destination: 'CN' }))
        .then([{ ...detected, data: { ...detected.data, destination: 'CN' } } as never]));
    it('when a detection names no country code as destination, then it fails on that field', () =>
      spec
        .given([opened])
        .when(detect({ destination: 'China' }))
        .thenThrows(InvalidValue, (error) =>
          expect((error as InvalidValue).field).toBe('destination'),
        ));
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
});
