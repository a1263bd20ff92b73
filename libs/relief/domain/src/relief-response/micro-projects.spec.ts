// The relief response decider's micro-projects: starting one with a grant, and following it up.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import { FollowUpBeforeStart, MicroProjectNotFound } from '../errors';
import type { StartMicroProject } from './commands';
import type { ReliefResponseEvent } from './events';
import { reliefResponseDecider } from './relief-response';
import {
  detectionId,
  metadata,
  opened,
  projectId,
  recipientId,
  registered,
  responseId,
} from './relief-response-test-fixtures';

const spec = deciderSpecification(reliefResponseDecider);

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
