import { randomUUID } from 'node:crypto';
import {
  EMPOWERMENT_INTEGRATION_EVENT_TYPES,
  enrolmentStreamId,
  type Setting,
} from '@haven/empowerment/contracts';
import { ENROLMENT_EVENT_TYPES, type EnrolmentEvent } from '@haven/empowerment/domain';
import { type PostgresEventStore, type EventMetadata } from '@haven/platform/event-store';
import { startReadModelTestBed, type ReadModelTestBed } from '@haven/platform/projections/testing';
import { beneficiaryStreamId, type BeneficiaryEvent } from '@haven/protection/contracts';
import type { DataSource } from 'typeorm';
import {
  EMPOWERMENT_ENTITIES,
  EMPOWERMENT_MIGRATIONS,
  EMPOWERMENT_PROJECTIONS,
  EnrolmentRow,
  KnownBeneficiaryRow,
  KnownPartnerOrganisationRow,
  NoteRow,
  ServiceRow,
} from './index';
import { KNOWN_BENEFICIARY_EVENT_TYPES } from './known-beneficiaries.projection';

let bed: ReadModelTestBed;
let store: PostgresEventStore;
let dataSource: DataSource;

const metadata: EventMetadata = {
  actorId: 'officer-th',
  role: 'empowerment_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-06-15T10:00:00.000Z',
};

beforeAll(async () => {
  bed = await startReadModelTestBed({
    name: 'empowerment_projection',
    migrations: EMPOWERMENT_MIGRATIONS,
    entities: EMPOWERMENT_ENTITIES,
    projections: EMPOWERMENT_PROJECTIONS,
  });
  ({ store, dataSource } = bed);
});

afterAll(async () => {
  await bed?.close();
});

const shelter: Setting = {
  kind: 'SHELTER',
  shelterName: 'Kredtrakarn',
  governmentRun: true,
  province: null,
  district: null,
};
const home: Setting = {
  kind: 'COMMUNITY',
  shelterName: null,
  governmentRun: null,
  province: 'Chiang Rai',
  district: 'Mae Sai',
};

describe('empowerment projections', () => {
  it('declare, between them, every event of an enrolment and the protection events followed', () => {
    const handled = new Set(EMPOWERMENT_PROJECTIONS.flatMap((projection) => projection.handles));
    for (const type of [...ENROLMENT_EVENT_TYPES, ...KNOWN_BENEFICIARY_EVENT_TYPES]) {
      expect(handled).toContain(type);
    }
    expect(ENROLMENT_EVENT_TYPES).toEqual(
      expect.arrayContaining([...EMPOWERMENT_INTEGRATION_EVENT_TYPES]),
    );
  });

  it('replay every declared event type into known beneficiaries, enrolments, services and notes', async () => {
    const beneficiaryId = randomUUID();
    const enrolmentId = randomUUID();
    const [serviceId, reachedId, missedId, grantId, noteId] = [1, 2, 3, 4, 5].map(() =>
      randomUUID(),
    );
    const protection: BeneficiaryEvent[] = [
      {
        type: 'BeneficiaryRegistered',
        data: {
          beneficiaryId,
          referenceCode: 'BEN-TH-000001',
          country: 'TH',
          sex: 'FEMALE',
          minor: true,
          nationality: 'TH',
          ageYears: 15,
          registeredAt: '2026-01-01T00:00:00.000Z',
        },
      } as BeneficiaryEvent,
      {
        type: 'ConsentRecorded',
        data: {
          beneficiaryId,
          kind: 'SERVICES',
          partnerOrganisationId: null,
          given: true,
          recordedOn: '2026-01-02',
        },
      },
    ];
    await store.append(
      beneficiaryStreamId(beneficiaryId),
      protection.map((event) => ({ ...event, metadata })),
      'no_stream',
    );
    await bed.caughtUp();
    expect(
      await dataSource.getRepository(KnownBeneficiaryRow).findOneBy({ id: beneficiaryId }),
    ).toEqual({
      id: beneficiaryId,
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      servicesConsent: true,
      erased: false,
      nationality: 'TH',
      ageYears: 15,
      ageOn: '2026-01-01',
    });

    // Networks registers the employer; empowerment follows it on the log.
    const employerId = randomUUID();
    await store.append(
      `partnerorganisation-${employerId}`,
      [
        {
          type: 'PartnerOrganisationRegistered',
          data: {
            partnerOrganisationId: employerId,
            name: 'Mae Sai Garments',
            kind: 'BUSINESS',
            country: 'TH',
            registeredAt: '2026-01-05T00:00:00.000Z',
          },
          metadata,
        },
      ],
      'no_stream',
    );
    await bed.caughtUp();
    expect(
      await dataSource.getRepository(KnownPartnerOrganisationRow).findOneBy({ id: employerId }),
    ).toEqual({ id: employerId, country: 'TH' });
    const [placementId, tuitionId, stayId] = [1, 2, 3].map(() => randomUUID());
    const stats = { nationality: 'TH' as const, ageYears: 15 };
    const details = {
      mode: null,
      activity: null,
      outcome: null,
      partnerOrganisationId: null,
      occupation: null,
      institution: null,
      period: null,
      amount: null,
      sealedPlace: null,
      minor: true,
      providedBy: 'officer-th',
    };

    const of = { enrolmentId, beneficiaryId, country: 'TH' as const };
    const thb = { amountMinor: 500_000, currency: 'THB' };
    // Version 1 events (no statistical attributes, no details) still read, beside version 2.
    const events: EnrolmentEvent[] = [
      {
        type: 'BeneficiaryEnrolled',
        data: { ...of, sex: 'FEMALE', minor: true, setting: shelter, enrolledOn: '2026-03-01' },
      } as EnrolmentEvent,
      {
        type: 'ReintegrationPlanAgreed',
        data: {
          ...of,
          goals: ['EDUCATION'],
          followUpRhythm: 'MONTHLY',
          reviewDates: ['2026-09-01'],
          agreedOn: '2026-03-02',
        },
      },
      {
        type: 'EmpowermentServiceRecorded',
        data: {
          ...of,
          serviceId,
          kind: 'COUNSELLING',
          mode: 'INDIVIDUAL',
          activity: null,
          outcome: 'COMPLETED',
          partnerOrganisationId: null,
          minor: true,
          providedOn: '2026-03-03',
          providedBy: 'officer-th',
        },
      } as EnrolmentEvent,
      {
        type: 'EmpowermentServiceRecorded',
        schemaVersion: 2,
        data: {
          ...of,
          ...stats,
          ...details,
          serviceId: placementId,
          kind: 'JOB_PLACEMENT',
          partnerOrganisationId: employerId,
          occupation: 'Sewing machine operator',
          providedOn: '2026-03-04',
        },
      },
      {
        type: 'EmpowermentServiceRecorded',
        schemaVersion: 2,
        data: {
          ...of,
          ...stats,
          ...details,
          serviceId: tuitionId,
          kind: 'TUITION_FEES',
          institution: 'Chiang Rai Vocational College',
          period: { from: '2026-05-01', to: '2026-09-30' },
          amount: { amountMinor: 1_250_000, currency: 'THB' },
          providedOn: '2026-03-04',
        },
      },
      {
        type: 'EmpowermentServiceRecorded',
        schemaVersion: 2,
        data: {
          ...of,
          ...stats,
          ...details,
          serviceId: stayId,
          kind: 'SAFE_ACCOMMODATION',
          sealedPlace: 'pii:v1:sealed-place',
          period: { from: '2026-03-01', to: '2026-04-30' },
          providedOn: '2026-03-04',
        },
      },
      {
        type: 'EmpowermentNoteRecorded',
        data: {
          ...of,
          noteId,
          topic: 'COUNSELLING',
          writtenOn: '2026-03-03',
          sealedText: 'pii:v1:sealed',
        },
      },
      { type: 'EnrolmentSettingChanged', data: { ...of, setting: home, changedOn: '2026-04-30' } },
      {
        type: 'FollowUpRecorded',
        data: {
          ...of,
          followUpId: reachedId,
          channel: 'PHONE',
          reached: true,
          followedUpOn: '2026-05-01',
          nextFollowUpOn: '2026-05-15',
          providedBy: 'officer-th',
        },
      } as EnrolmentEvent,
      {
        type: 'FollowUpRecorded',
        data: {
          ...of,
          followUpId: missedId,
          channel: 'PHONE',
          reached: false,
          followedUpOn: '2026-05-15',
          nextFollowUpOn: '2026-05-22',
          providedBy: 'officer-th',
          minor: true,
          ...stats,
        },
        schemaVersion: 2,
      },
      {
        type: 'SmallGrantApproved',
        data: { ...of, grantId, purpose: 'LIVESTOCK', amount: thb, approvedOn: '2026-05-16' },
      },
      {
        type: 'SmallGrantDisbursed',
        data: {
          ...of,
          grantId,
          amount: { ...thb, amountMinor: 400_000 },
          disbursedOn: '2026-05-20',
        },
      },
      {
        type: 'AgentOfChangeTrainingCompleted',
        data: { ...of, sex: 'FEMALE', minor: true, completedOn: '2026-06-01' },
      } as EnrolmentEvent,
      { type: 'EnrolmentClosed', data: { ...of, reason: 'GOALS_REACHED', closedOn: '2026-06-10' } },
    ];
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(ENROLMENT_EVENT_TYPES));
    await store.append(
      enrolmentStreamId(enrolmentId),
      events.map((event) => ({ ...event, metadata })),
      'no_stream',
    );
    await store.append(
      beneficiaryStreamId(beneficiaryId),
      [
        {
          type: 'BeneficiaryErased',
          data: {
            beneficiaryId,
            requestedBy: 'admin-1',
            confirmedBy: 'admin-2',
            erasedAt: '2026-06-14T00:00:00.000Z',
          },
          metadata,
        },
      ],
      'any',
    );
    await bed.caughtUp();

    const enrolment = await dataSource
      .getRepository(EnrolmentRow)
      .findOneByOrFail({ id: enrolmentId });
    expect(enrolment).toMatchObject({
      status: 'CLOSED',
      closureReason: 'GOALS_REACHED',
      settingKind: 'COMMUNITY',
      province: 'Chiang Rai',
      officerId: 'officer-th',
      planGoals: ['EDUCATION'],
      followUpRhythm: 'MONTHLY',
      lastFollowUpOn: '2026-05-15',
      nextFollowUpOn: '2026-05-22',
      consecutiveNotReached: 1,
      trainedOn: '2026-06-01',
    });
    const services = await dataSource
      .getRepository(ServiceRow)
      .find({ where: { enrolmentId }, order: { position: 'ASC' } });
    expect(services.map((row) => row.kind)).toEqual([
      'COUNSELLING',
      'JOB_PLACEMENT',
      'TUITION_FEES',
      'SAFE_ACCOMMODATION',
      'FOLLOW_UP',
      'FOLLOW_UP',
      'SMALL_GRANT',
      'AGENT_OF_CHANGE_TRAINING',
    ]);
    expect(services[0]).toMatchObject({
      occupation: null,
      institution: null,
      periodFrom: null,
      amountMinor: null,
      sealedPlace: null,
    });
    expect(services[1]).toMatchObject({
      partnerOrganisationId: employerId,
      occupation: 'Sewing machine operator',
    });
    expect(services[2]).toMatchObject({
      institution: 'Chiang Rai Vocational College',
      periodFrom: '2026-05-01',
      periodTo: '2026-09-30',
      amountMinor: 1_250_000,
      currency: 'THB',
    });
    expect(services[3]).toMatchObject({
      sealedPlace: 'pii:v1:sealed-place',
      periodFrom: '2026-03-01',
      periodTo: '2026-04-30',
    });
    expect(services[6]).toMatchObject({
      approvedMinor: 500_000,
      disbursedMinor: 400_000,
      currency: 'THB',
      disbursedOn: '2026-05-20',
    });
    const note = await dataSource.getRepository(NoteRow).findOneByOrFail({ id: noteId });
    expect(note.sealedText).toBe('pii:v1:sealed');
    expect(
      await dataSource.getRepository(KnownBeneficiaryRow).findOneBy({ id: beneficiaryId }),
    ).toMatchObject({
      erased: true,
      servicesConsent: false,
    });
  });
});
