// The enrolment decider: enrolling a beneficiary, changing her setting, closing her enrolment,
// and the statistical attributes (ADR 21) that enrolments and services carry.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  AlreadyEnrolled,
  BeforeEnrolment,
  BeneficiaryErased,
  BeneficiaryUnknown,
  EnrolmentClosed,
  NotEnrolled,
  SameSetting,
  ServicesConsentMissing,
  SettingIncomplete,
} from '../errors';
import { enrolmentDecider } from './enrolment';
import {
  beneficiaryId,
  closed,
  cmd,
  enrolled,
  enrolmentId,
  of,
  service,
  serviceRecorded,
  shelter,
} from './enrolment-test-fixtures';
import type { EnrolmentEvent } from './enrolment-types';

const spec = deciderSpecification(enrolmentDecider);
const community = {
  kind: 'COMMUNITY' as const,
  shelterName: null,
  governmentRun: null,
  province: 'Chiang Rai',
  district: 'Mae Sai',
};
const known = {
  known: true,
  servicesConsent: true,
  erased: false,
  country: 'TH' as const,
  sex: 'FEMALE' as const,
  minor: true,
  nationality: 'MM' as const,
  ageYears: 16,
  ageOn: '2025-09-01',
};

const enrol = (beneficiary = known, more: Record<string, unknown> = {}) =>
  cmd('EnrolBeneficiary', {
    enrolmentId,
    beneficiaryId,
    setting: shelter,
    enrolledOn: '2026-03-01',
    beneficiary,
    ...more,
  } as never);

describe('an enrolment', () => {
  it('given nothing, when a consenting beneficiary is enrolled in a shelter, then they are enrolled', () =>
    spec.given([]).when(enrol()).then([enrolled]));

  it('given the same enrolment, when it is repeated, then nothing changes (a retry)', () =>
    spec.given([enrolled]).when(enrol()).then([]));

  it('given an enrolment, when another enrolment takes its id, then it fails', () =>
    spec
      .given([enrolled])
      .when(enrol(known, { enrolledOn: '2026-03-02' }))
      .thenThrows(AlreadyEnrolled));

  it('when the beneficiary is unknown to protection, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, known: false }))
      .thenThrows(BeneficiaryUnknown));

  it('when the beneficiary has not consented to services, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, servicesConsent: false }))
      .thenThrows(ServicesConsentMissing));

  it('when the beneficiary was erased, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, erased: true }))
      .thenThrows(BeneficiaryErased));

  it('when a shelter has no name, or a community no province, then it fails', () => {
    spec
      .given([])
      .when(enrol(known, { setting: { ...shelter, shelterName: ' ' } }))
      .thenThrows(SettingIncomplete);
    spec
      .given([])
      .when(enrol(known, { setting: { ...community, province: null } }))
      .thenThrows(SettingIncomplete);
  });

  it('when the enrolment date is in the future, then it fails naming the field', () =>
    spec
      .given([])
      .when(enrol(known, { enrolledOn: '2026-07-01' }))
      .thenThrows(InvalidValue, (error) =>
        expect((error as InvalidValue).field).toBe('enrolledOn'),
      ));

  it('given a shelter, when the person moves home, then the setting changes; the same setting again fails', () => {
    const change = cmd('ChangeEnrolmentSetting', {
      erased: false,
      setting: community,
      changedOn: '2026-04-30',
    });
    spec
      .given([enrolled])
      .when(change)
      .then([
        {
          type: 'EnrolmentSettingChanged',
          data: { ...of, setting: community, changedOn: '2026-04-30' },
        },
      ]);
    spec
      .given([enrolled])
      .when(
        cmd('ChangeEnrolmentSetting', { erased: false, setting: shelter, changedOn: '2026-04-30' }),
      )
      .thenThrows(SameSetting);
  });
});

describe('closing an enrolment', () => {
  const close = (data: Record<string, unknown> = {}) =>
    cmd('CloseEnrolment', { reason: 'GOALS_REACHED', closedOn: '2026-06-01', ...data } as never);

  it('given an enrolment, when it is closed with a reason, then it is closed', () =>
    spec.given([enrolled]).when(close()).then([closed]));

  it('when it is closed without a reason, then it fails', () =>
    spec
      .given([enrolled])
      .when(close({ reason: undefined }))
      .thenThrows(InvalidValue));

  it('given a closed enrolment, when the same closure is repeated, then nothing changes; another fails', () => {
    spec.given([enrolled, closed]).when(close()).then([]);
    spec
      .given([enrolled, closed])
      .when(close({ reason: 'DIED' }))
      .thenThrows(EnrolmentClosed);
  });

  it('when it is closed before it began, then it fails', () =>
    spec
      .given([enrolled])
      .when(close({ closedOn: '2026-02-01' }))
      .thenThrows(BeforeEnrolment));

  it('given nothing, when it is closed, then it fails', () =>
    spec.given([]).when(close()).thenThrows(NotEnrolled));
});

describe('statistical attributes (ADR 21)', () => {
  it('given a 17-year-old enrolled a year earlier, when a service is given, then it carries her age that day, 18, as an adult', () =>
    spec
      .given([
        {
          ...enrolled,
          data: { ...enrolled.data, ageYears: 17, enrolledOn: '2025-03-01' },
        } as EnrolmentEvent,
      ])
      .when(service())
      .then([
        {
          ...serviceRecorded,
          data: { ...serviceRecorded.data, ageYears: 18, minor: false },
        } as EnrolmentEvent,
      ]));

  it('given an enrolment of schema version 1 (no nationality nor age), when a service is given, then both are unknown and minor is as at enrolment', () => {
    const { nationality: _n, ageYears: _a, ...v1 } = enrolled.data as Record<string, unknown>;
    spec
      .given([{ type: 'BeneficiaryEnrolled', data: v1 } as unknown as EnrolmentEvent])
      .when(service())
      .then([
        {
          ...serviceRecorded,
          data: { ...serviceRecorded.data, nationality: null, ageYears: null, minor: true },
        } as EnrolmentEvent,
      ]);
  });

  it('when a beneficiary is enrolled a few days before protection registered her at 16, then she is 16 on the enrolment, not 15', () =>
    spec
      .given([])
      .when(enrol({ ...known, ageOn: '2026-03-05' }))
      .then([enrolled]));

  it('when a beneficiary registered with an age is enrolled a year later, then the enrolment carries her age on that day', () =>
    spec
      .given([])
      .when(enrol({ ...known, ageOn: '2025-02-01' }))
      .then([{ ...enrolled, data: { ...enrolled.data, ageYears: 17 } } as EnrolmentEvent]));
});
