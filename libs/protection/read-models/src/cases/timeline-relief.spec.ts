import type { RecordedEvent } from '@haven/platform/event-store';
import { RELIEF_INTEGRATION_EVENT_TYPES } from '@haven/relief/contracts';
import { timelineProjection } from './timeline.projection';
import { reliefEntry } from './timeline-relief';

const recorded = (type: string, data: Record<string, unknown>) =>
  ({ type, data, streamCategory: 'reliefresponse' }) as unknown as RecordedEvent;
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c03';
const notificationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c09';

describe('relief on the timeline', () => {
  it('is followed for every relief integration event type', () => {
    expect(timelineProjection.handles).toEqual(
      expect.arrayContaining([...RELIEF_INTEGRATION_EVENT_TYPES]),
    );
    expect(timelineProjection.categories).toContain('reliefresponse');
  });

  it('puts a distribution on its beneficiary’s timeline, without the field worker', () => {
    const entry = reliefEntry(
      recorded('ReliefDistributed', {
        responseId: 'r-1',
        distributionId: 'd-1',
        country: 'LA',
        kind: 'MICRO_PROJECT_GRANT',
        recipientKind: 'BENEFICIARY',
        beneficiaryId,
        recipientId: null,
        amountMinor: 500,
        currency: 'LAK',
        fieldWorkerKind: 'VOLUNTEER',
        fieldWorkerId: 'volunteer-marker',
        distributedOn: '2020-05-01',
      }),
    );
    expect(entry.subjects).toEqual([
      { subjectType: 'Beneficiary', subjectId: beneficiaryId, caseId: null, notificationId: null },
    ]);
    expect(entry.summary).toEqual({
      responseId: 'r-1',
      kind: 'MICRO_PROJECT_GRANT',
      amountMinor: 500,
      currency: 'LAK',
      distributedOn: '2020-05-01',
    });
    expect(JSON.stringify(entry)).not.toContain('volunteer-marker');
  });

  it('puts nothing on a timeline for a relief recipient not linked to a beneficiary', () => {
    const entry = reliefEntry(
      recorded('ReliefDistributed', { beneficiaryId: null, kind: 'GOODS' }),
    );
    expect(entry.subjects).toEqual([]);
  });

  it('puts a detection turned notification on the notification’s timeline, without its place', () => {
    const entry = reliefEntry(
      recorded('ReliefDetectionNotified', {
        responseId: 'r-1',
        detectionId: 'det-1',
        notificationId,
        country: 'LA',
        province: 'Place-marker',
        formOfExploitation: 'FORCED_MARRIAGE',
        sex: 'FEMALE',
        minor: true,
        notifiedAt: '2020-06-01T00:00:00.000Z',
      }),
    );
    expect(entry.subjects).toEqual([
      { subjectType: 'CaseNotification', subjectId: notificationId, caseId: null, notificationId },
    ]);
    expect(entry.summary).toEqual({
      detectionId: 'det-1',
      country: 'LA',
      formOfExploitation: 'FORCED_MARRIAGE',
      minor: true,
    });
    expect(JSON.stringify(entry)).not.toContain('Place-marker');
  });
});
