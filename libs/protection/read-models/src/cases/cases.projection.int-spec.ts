import { randomUUID } from 'node:crypto';
import {
  type PostgresEventStore,
  type EventMetadata,
  type NewEvent,
} from '@haven/platform/event-store';
import { startReadModelTestBed, type ReadModelTestBed } from '@haven/platform/projections/testing';
import {
  CASE_NOTIFICATION_EVENT_TYPES,
  caseNotificationStreamId,
  type CaseNotificationEvent,
  type CaseNotificationReferred,
} from '@haven/networks/contracts';
import {
  beneficiaryStreamId,
  PROTECTION_CASE_EVENT_TYPES,
  protectionCaseIdForNotification,
  protectionCaseStreamId,
  type BeneficiaryEvent,
  type ProtectionCaseEvent,
} from '@haven/protection/contracts';
import type { DataSource } from 'typeorm';
import {
  InvestigationNoteRow,
  investigationNotesProjection,
  PROTECTION_ENTITIES,
  PROTECTION_MIGRATIONS,
  ProtectionCaseRow,
  protectionCasesProjection,
  TimelineEntryRow,
  timelineProjection,
} from '../index';

let bed: ReadModelTestBed;
let store: PostgresEventStore;
let dataSource: DataSource;

const officer: EventMetadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: 'alliance',
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-11-20T10:00:00.000Z',
};
const coordinator: EventMetadata = {
  ...officer,
  actorId: 'coordinator-2',
  role: 'network_coordinator',
  occurredAt: '2026-11-19T09:00:00.000Z',
};
const sealed = 'pii:v1:' + 'A'.repeat(40);

function withMetadata<E extends { type: string; data: object }>(
  events: E[],
  metadata = officer,
): NewEvent[] {
  return events.map((event) => ({ ...event, metadata }) as unknown as NewEvent);
}

beforeAll(async () => {
  bed = await startReadModelTestBed({
    name: 'protection_cases_projection',
    migrations: PROTECTION_MIGRATIONS,
    entities: PROTECTION_ENTITIES,
    projections: [protectionCasesProjection, investigationNotesProjection, timelineProjection],
  });
  ({ store, dataSource } = bed);
});

afterAll(async () => {
  await bed?.close();
});

describe('the protection case projections', () => {
  const notificationId = randomUUID();
  const caseId = protectionCaseIdForNotification(notificationId);
  const girl = randomUUID();
  const woman = randomUUID();
  const operationId = randomUUID();
  const noteId = randomUUID();
  const placementId = randomUUID();

  const referral: CaseNotificationReferred = {
    type: 'CaseNotificationReferred',
    data: {
      notificationId,
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      possibleVictims: 3,
      minors: 2,
      reportedBy: 'WATCHDOG',
      referredAt: '2026-11-19T09:00:00.000Z',
    },
  };
  const notified: CaseNotificationEvent[] = [
    {
      type: 'CaseNotificationSubmitted',
      data: {
        notificationId,
        reportedBy: 'WATCHDOG',
        reporterReference: 'watchdog-network-7',
        formOfExploitation: 'SEX_TRAFFICKING',
        country: 'TH',
        province: 'Rayong',
        abroad: false,
        possibleVictims: 3,
        minors: 2,
        submittedAt: '2026-11-18T09:00:00.000Z',
      },
    },
    {
      type: 'CaseNotificationValidated',
      data: { notificationId, validatedAt: '2026-11-19T08:00:00.000Z' },
    },
  ];
  const registered = (beneficiaryId: string, minor: boolean): BeneficiaryEvent => ({
    type: 'BeneficiaryRegistered',
    schemaVersion: 3,
    data: {
      beneficiaryId,
      referenceCode: `BEN-LA-${beneficiaryId.slice(0, 6)}`,
      country: 'LA',
      sex: 'FEMALE',
      minor,
      nationality: null,
      ageYears: null,
      registeredOn: '2026-11-20',
      registeredAt: '2026-11-20T10:00:00.000Z',
    },
  });
  const caseEvents: ProtectionCaseEvent[] = [
    {
      type: 'ProtectionCaseOpened',
      schemaVersion: 4,
      data: {
        caseId,
        country: 'TH',
        province: 'Rayong',
        abroad: false,
        intercepted: false,
        formOfExploitation: 'SEX_TRAFFICKING',
        placeOfExploitation: 'HIDDEN_BROTHEL',
        sourceNotificationId: notificationId,
        destination: null,
        openedOn: '2026-11-19',
        openedAt: '2026-11-19T09:00:00.000Z',
      },
    },
    {
      type: 'VictimAddedToCase',
      schemaVersion: 2,
      data: {
        caseId,
        beneficiaryId: girl,
        formOfExploitation: 'SEX_TRAFFICKING',
        minor: true,
        sex: null,
        nationality: null,
        ageYears: null,
        addedOn: '2026-11-20',
        addedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'VictimAddedToCase',
      schemaVersion: 2,
      data: {
        caseId,
        beneficiaryId: woman,
        formOfExploitation: 'SEX_TRAFFICKING',
        minor: false,
        sex: null,
        nationality: null,
        ageYears: null,
        addedOn: '2026-11-20',
        addedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'InvestigationNoteAdded',
      data: { caseId, noteId, text: sealed, addedAt: '2026-11-20T10:00:00.000Z' },
    },
    {
      type: 'RescueOperationRecorded',
      schemaVersion: 3,
      data: {
        caseId,
        operationId,
        date: '2026-11-18',
        place: 'Karaoke bar near the pier',
        online: false,
        partnerAgencies: ['Royal Thai Police'],
        personsRescued: 2,
        rescuedBeneficiaryIds: [girl, woman],
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'VictimIdentificationRecorded',
      data: {
        caseId,
        beneficiaryId: girl,
        outcome: 'OFFICIALLY_IDENTIFIED',
        date: '2026-11-19',
        authority: null,
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'ShelterPlacementRecorded',
      data: {
        caseId,
        beneficiaryId: girl,
        placementId,
        shelterName: 'Kredtrakarn shelter',
        from: '2026-11-19',
        to: null,
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'GuardianContactRecorded',
      schemaVersion: 3,
      data: {
        caseId,
        beneficiaryId: null,
        kind: 'SHELTER',
        details: sealed,
        contactedOn: '2026-11-19',
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'RepatriationStepRecorded',
      data: {
        caseId,
        beneficiaryId: girl,
        step: 'ESCORTED_JOURNEY',
        date: '2026-11-20',
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      type: 'ProtectionCaseClosed',
      schemaVersion: 2,
      data: {
        caseId,
        reason: 'VICTIMS_RETURNED',
        closedOn: '2026-11-20',
        closedAt: '2026-11-20T10:00:00.000Z',
      },
    },
  ];
  const positions: Record<string, number[]> = {};

  beforeAll(async () => {
    // Networks refers; the beneficiaries are registered; the case is worked; unrelated streams
    // in between only move the checkpoints.
    positions.notification = (
      await store.append(
        caseNotificationStreamId(notificationId),
        withMetadata([...notified, referral], coordinator),
        'no_stream',
      )
    ).globalPositions;
    await store.append(
      `legal_case-${randomUUID()}`,
      withMetadata([{ type: 'LegalCaseOpened', data: {} }]),
      'no_stream',
    );
    positions.girl = (
      await store.append(
        beneficiaryStreamId(girl),
        withMetadata([registered(girl, true)]),
        'no_stream',
      )
    ).globalPositions;
    positions.woman = (
      await store.append(
        beneficiaryStreamId(woman),
        withMetadata([registered(woman, false)]),
        'no_stream',
      )
    ).globalPositions;
    positions.opened = (
      await store.append(
        protectionCaseStreamId(caseId),
        withMetadata([caseEvents[0]], {
          ...officer,
          actorId: 'protection.case-opener',
          role: 'system',
        }),
        'no_stream',
      )
    ).globalPositions;
    positions.rest = (
      await store.append(protectionCaseStreamId(caseId), withMetadata(caseEvents.slice(1)), 1)
    ).globalPositions;
    await bed.caughtUp();
  });

  it('declare every case event type they apply', () => {
    expect([...protectionCasesProjection.handles].sort()).toEqual(
      [...PROTECTION_CASE_EVENT_TYPES].sort(),
    );
    expect(timelineProjection.handles).toEqual(
      expect.arrayContaining([...PROTECTION_CASE_EVENT_TYPES, ...CASE_NOTIFICATION_EVENT_TYPES]),
    );
  });

  it('project the case with its victims, operations, sealed contact and closure', async () => {
    const row = await dataSource.getRepository(ProtectionCaseRow).findOneByOrFail({ id: caseId });
    expect(row).toEqual({
      id: caseId,
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      intercepted: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      placeOfExploitation: 'HIDDEN_BROTHEL',
      status: 'CLOSED',
      sourceNotificationId: notificationId,
      openedAt: new Date('2026-11-19T09:00:00.000Z'),
      closedAt: new Date('2026-11-20T10:00:00.000Z'),
      closureReason: 'VICTIMS_RETURNED',
      hasMinors: true,
      victims: [
        {
          beneficiaryId: girl,
          formOfExploitation: 'SEX_TRAFFICKING',
          minor: true,
          addedAt: '2026-11-20T10:00:00.000Z',
          identification: {
            outcome: 'OFFICIALLY_IDENTIFIED',
            date: '2026-11-19',
            authority: null,
            recordedAt: '2026-11-20T10:00:00.000Z',
          },
          placements: [
            {
              placementId,
              shelterName: 'Kredtrakarn shelter',
              from: '2026-11-19',
              to: null,
              recordedAt: '2026-11-20T10:00:00.000Z',
            },
          ],
          repatriationSteps: [
            {
              step: 'ESCORTED_JOURNEY',
              date: '2026-11-20',
              recordedAt: '2026-11-20T10:00:00.000Z',
            },
          ],
          rescuedIn: [operationId],
        },
        {
          beneficiaryId: woman,
          formOfExploitation: 'SEX_TRAFFICKING',
          minor: false,
          addedAt: '2026-11-20T10:00:00.000Z',
          identification: null,
          placements: [],
          repatriationSteps: [],
          rescuedIn: [operationId],
        },
      ],
      rescueOperations: [
        {
          operationId,
          date: '2026-11-18',
          place: 'Karaoke bar near the pier',
          online: false,
          partnerAgencies: ['Royal Thai Police'],
          personsRescued: 2,
          rescuedBeneficiaryIds: [girl, woman],
          recordedAt: '2026-11-20T10:00:00.000Z',
        },
      ],
      guardianContact: {
        kind: 'SHELTER',
        details: sealed,
        contactedOn: '2026-11-19',
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
      noteCount: 1,
      streamVersion: caseEvents.length,
      openedPosition: positions.opened[0],
    });
  });

  it('project each note with its text sealed, as the event holds it, and who wrote it', async () => {
    expect(await dataSource.getRepository(InvestigationNoteRow).find()).toEqual([
      {
        id: noteId,
        caseId,
        text: sealed,
        addedAt: new Date('2026-11-20T10:00:00.000Z'),
        actorId: 'officer-7',
        role: 'protection_officer',
        position: positions.rest[2],
      },
    ]);
  });

  it('put the notification and every case event on the case’s timeline, in global order, with who and when', async () => {
    const entries = await dataSource
      .getRepository(TimelineEntryRow)
      .createQueryBuilder('entry')
      .where('entry.subjectId IN (:...subjects)', { subjects: [caseId, notificationId] })
      .orderBy('entry.position', 'ASC')
      .getMany();
    expect(entries.map((entry) => [entry.position, entry.type])).toEqual([
      [positions.notification[0], 'CaseNotificationSubmitted'],
      [positions.notification[1], 'CaseNotificationValidated'],
      [positions.notification[2], 'CaseNotificationReferred'],
      [positions.opened[0], 'ProtectionCaseOpened'],
      ...caseEvents.slice(1).map((event, index) => [positions.rest[index], event.type]),
    ]);
    expect(entries[1]).toMatchObject({ type: 'CaseNotificationValidated', summary: {} });
    expect(entries[2]).toMatchObject({
      subjectType: 'CaseNotification',
      notificationId,
      actorId: 'coordinator-2',
      role: 'network_coordinator',
      occurredAt: new Date('2026-11-19T09:00:00.000Z'),
      summary: {
        country: 'TH',
        province: 'Rayong',
        abroad: false,
        formOfExploitation: 'SEX_TRAFFICKING',
        possibleVictims: 3,
        minors: 2,
        reportedBy: 'WATCHDOG',
      },
    });
    expect(entries[3]).toMatchObject({ actorId: 'protection.case-opener', role: 'system' });
    const rescue = entries.find((entry) => entry.type === 'RescueOperationRecorded');
    expect(rescue).toMatchObject({
      subjectType: 'ProtectionCase',
      caseId,
      actorId: 'officer-7',
      role: 'protection_officer',
      summary: { operationId, date: '2026-11-18', victimsRescued: 2, partnerAgencies: 1 },
    });
  });

  it('put on a beneficiary’s timeline her registration and the case events about her only', async () => {
    const entries = await dataSource
      .getRepository(TimelineEntryRow)
      .find({ where: { subjectId: girl }, order: { position: 'ASC' } });
    expect(entries.map((entry) => entry.type)).toEqual([
      'BeneficiaryRegistered',
      'VictimAddedToCase',
      'RescueOperationRecorded',
      'VictimIdentificationRecorded',
      'ShelterPlacementRecorded',
      'RepatriationStepRecorded',
    ]);
    expect(entries.slice(1).every((entry) => entry.caseId === caseId)).toBe(true);
    const womanTypes = (
      await dataSource.getRepository(TimelineEntryRow).find({ where: { subjectId: woman } })
    ).map((entry) => entry.type);
    expect(womanTypes.sort()).toEqual(
      ['BeneficiaryRegistered', 'RescueOperationRecorded', 'VictimAddedToCase'].sort(),
    );
  });

  it('keep free text out of every timeline summary (places, shelters, sealed values, reporters)', async () => {
    const { count } = (
      await dataSource.query(
        `SELECT count(*)::int AS count FROM protection.timeline_entries
          WHERE summary::text ~* '(karaoke|kredtrakarn|pii:v1|watchdog-network-7)'`,
      )
    )[0] as { count: number };
    expect(count).toBe(0);
  });

  it('give the same rows after a rebuild', async () => {
    const read = () =>
      Promise.all([
        dataSource.getRepository(ProtectionCaseRow).find({ order: { openedPosition: 'ASC' } }),
        dataSource.getRepository(InvestigationNoteRow).find({ order: { position: 'ASC' } }),
        dataSource
          .getRepository(TimelineEntryRow)
          .find({ order: { position: 'ASC', subjectId: 'ASC' } }),
      ]);
    const before = await read();
    await Promise.all(bed.runners.map((runner) => runner.rebuild()));
    await bed.caughtUp();
    expect(await read()).toEqual(before);
  });
});
