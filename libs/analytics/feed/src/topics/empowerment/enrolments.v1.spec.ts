import { EMPOWERMENT_INTEGRATION_EVENT_TYPES } from '@haven/empowerment/contracts';
import { messageText, publishedMessage, specPseudonyms, stored } from '../spec-support';
import { ENROLMENTS_V1 } from './enrolments.v1';

const enrolmentId = '0193a0e1-0000-7000-8000-00000000e001';
const beneficiaryId = '0193a0e1-0000-7000-8000-00000000b001';
const employerId = '0193a0e1-0000-7000-8000-00000000c001';
const grantId = '0193a0e1-0000-7000-8000-00000000a001';
const ofEnrolment = { enrolmentId, beneficiaryId, country: 'TH' };
const shelter = {
  kind: 'SHELTER',
  shelterName: 'Marker Shelter of Chiang Rai',
  governmentRun: true,
  province: null,
  district: null,
};
const community = {
  kind: 'COMMUNITY',
  shelterName: null,
  governmentRun: null,
  province: 'Marker-Province',
  district: 'Marker-District',
};
const pseudonym = specPseudonyms.pseudonym.bind(specPseudonyms);
const published = {
  enrolment: pseudonym('enrolment', enrolmentId),
  person: pseudonym('person', beneficiaryId),
  country: 'TH',
};
// What the messages must never carry: names of places and institutions, free text, sealed
// values, staff, and Haven's ids.
const SECRETS = [
  'Marker',
  'pii:v1',
  'staff-user',
  enrolmentId,
  beneficiaryId,
  employerId,
  grantId,
  '0193a0e1',
];

const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'BeneficiaryEnrolled',
    {
      ...ofEnrolment,
      nationality: 'MM',
      ageYears: 17,
      sex: 'FEMALE',
      minor: true,
      setting: shelter,
      enrolledOn: '2026-02-03',
    },
    {
      ...published,
      nationality: 'MM',
      ageYears: 17,
      sex: 'FEMALE',
      minor: true,
      setting: 'SHELTER',
      enrolledOn: '2026-02-03',
    },
  ],
  [
    'EnrolmentSettingChanged',
    { ...ofEnrolment, setting: community, changedOn: '2026-05-01' },
    { ...published, setting: 'COMMUNITY', changedOn: '2026-05-01' },
  ],
  [
    'ReintegrationPlanAgreed',
    {
      ...ofEnrolment,
      goals: ['EDUCATION', 'EMPLOYMENT'],
      followUpRhythm: 'MONTHLY',
      reviewDates: ['2026-06-01', '2026-09-01'],
      agreedOn: '2026-05-02',
    },
    {
      ...published,
      goals: ['EDUCATION', 'EMPLOYMENT'],
      followUpRhythm: 'MONTHLY',
      reviews: 2,
      agreedOn: '2026-05-02',
    },
  ],
  [
    'EmpowermentServiceRecorded',
    {
      ...ofEnrolment,
      nationality: null,
      ageYears: 19,
      serviceId: '0193a0e1-0000-7000-8000-00000000d001',
      kind: 'TUITION_FEES',
      mode: null,
      activity: null,
      outcome: null,
      partnerOrganisationId: null,
      occupation: null,
      institution: 'Marker Vocational College',
      period: { from: '2026-06-01', to: '2026-09-30' },
      amount: { amountMinor: 1_250_000, currency: 'THB' },
      sealedPlace: null,
      minor: false,
      providedOn: '2026-06-01',
      providedBy: 'staff-user-1',
    },
    {
      ...published,
      nationality: null,
      ageYears: 19,
      minor: false,
      kind: 'TUITION_FEES',
      mode: null,
      activity: null,
      outcome: null,
      employer: null,
      periodFrom: '2026-06-01',
      periodTo: '2026-09-30',
      amountMinor: 1_250_000,
      currency: 'THB',
      providedOn: '2026-06-01',
    },
  ],
  [
    'FollowUpRecorded',
    {
      ...ofEnrolment,
      nationality: 'LA',
      ageYears: 16,
      minor: true,
      followUpId: '0193a0e1-0000-7000-8000-00000000f001',
      channel: 'PHONE',
      reached: false,
      followedUpOn: '2026-07-01',
      nextFollowUpOn: '2026-08-01',
      providedBy: 'staff-user-2',
    },
    {
      ...published,
      nationality: 'LA',
      ageYears: 16,
      minor: true,
      channel: 'PHONE',
      reached: false,
      followedUpOn: '2026-07-01',
      nextFollowUpOn: '2026-08-01',
    },
  ],
  [
    'SmallGrantApproved',
    {
      ...ofEnrolment,
      grantId,
      purpose: 'LIVESTOCK',
      amount: { amountMinor: 500_000, currency: 'THB' },
      approvedOn: '2026-07-02',
    },
    {
      ...published,
      grant: pseudonym('grant', grantId),
      purpose: 'LIVESTOCK',
      amountMinor: 500_000,
      currency: 'THB',
      approvedOn: '2026-07-02',
    },
  ],
  [
    'SmallGrantDisbursed',
    {
      ...ofEnrolment,
      grantId,
      amount: { amountMinor: 500_000, currency: 'THB' },
      disbursedOn: '2026-07-09',
    },
    {
      ...published,
      grant: pseudonym('grant', grantId),
      amountMinor: 500_000,
      currency: 'THB',
      disbursedOn: '2026-07-09',
    },
  ],
  [
    'AgentOfChangeTrainingCompleted',
    {
      ...ofEnrolment,
      nationality: 'TH',
      ageYears: 22,
      sex: 'FEMALE',
      minor: false,
      completedOn: '2026-08-15',
    },
    {
      ...published,
      nationality: 'TH',
      ageYears: 22,
      sex: 'FEMALE',
      minor: false,
      completedOn: '2026-08-15',
    },
  ],
  [
    'EnrolmentClosed',
    { ...ofEnrolment, reason: 'GOALS_REACHED', closedOn: '2026-12-01' },
    { ...published, reason: 'GOALS_REACHED', closedOn: '2026-12-01' },
  ],
];

describe('haven.empowerment.enrolments.v1', () => {
  it('covers every integration event of empowerment', () =>
    expect(cases.map(([type]) => type)).toEqual([...EMPOWERMENT_INTEGRATION_EVENT_TYPES]));

  it.each(cases)(
    'given a stored %s, when the relay maps it, then it publishes only the allow-listed fields, pseudonymised, under the enrolment pseudonym, valid against the published schema',
    (type, data, expected) => {
      const message = publishedMessage(
        ENROLMENTS_V1,
        stored(`empowermentenrolment-${enrolmentId}`, type, data),
      );
      expect(message.key).toBe(published.enrolment);
      expect(message.body).toEqual({ type, schemaVersion: 1, data: expected });
      for (const secret of SECRETS) expect(messageText(message)).not.toContain(secret);
    },
  );

  it('given a job placement with a safe accommodation place sealed, when it is mapped, then the employer is a pseudonym and neither the occupation nor the sealed place leaves', () => {
    const message = publishedMessage(
      ENROLMENTS_V1,
      stored(`empowermentenrolment-${enrolmentId}`, 'EmpowermentServiceRecorded', {
        ...ofEnrolment,
        nationality: 'MM',
        ageYears: 20,
        serviceId: '0193a0e1-0000-7000-8000-00000000d002',
        kind: 'JOB_PLACEMENT',
        mode: null,
        activity: null,
        outcome: 'COMPLETED',
        partnerOrganisationId: employerId,
        occupation: 'Marker sewing machine operator',
        institution: null,
        period: null,
        amount: null,
        sealedPlace: 'pii:v1:Marker-sealed-place',
        minor: false,
        providedOn: '2026-09-01',
        providedBy: 'staff-user-3',
      }),
    );
    expect(message.body?.data).toMatchObject({
      employer: pseudonym('organisation', employerId),
      kind: 'JOB_PLACEMENT',
      outcome: 'COMPLETED',
      periodFrom: null,
      amountMinor: null,
      currency: null,
    });
    for (const secret of SECRETS) expect(messageText(message)).not.toContain(secret);
  });

  it('given a service stored with schema version 1 (no nationality, age or amount), when it is mapped, then they are null and the message is still valid', () => {
    const message = publishedMessage(
      ENROLMENTS_V1,
      stored(`empowermentenrolment-${enrolmentId}`, 'EmpowermentServiceRecorded', {
        ...ofEnrolment,
        serviceId: '0193a0e1-0000-7000-8000-00000000d003',
        kind: 'HEALTH_CHECK',
        mode: null,
        activity: null,
        outcome: null,
        partnerOrganisationId: null,
        minor: true,
        providedOn: '2025-01-05',
        providedBy: 'staff-user-4',
      }),
    );
    expect(message.body?.data).toMatchObject({
      nationality: null,
      ageYears: null,
      periodFrom: null,
      periodTo: null,
      amountMinor: null,
      currency: null,
    });
  });
});
