// Test-only: the setup shared by the enrolment decider's specs (enrolling-and-closing,
// services, follow-ups-grants-and-plans): the ids, the command metadata, her enrolment in a
// shelter, and the service every spec records. Not exported from the library.
import type { EmpowermentIntegrationEvent } from '@haven/empowerment/contracts';
import type { EnrolmentCommand, EnrolmentEvent } from './enrolment-types';

export const enrolmentId = '0193b000-0000-7000-8000-000000000001';
export const beneficiaryId = '0193b000-0000-7000-8000-0000000000b1';
export const serviceId = '0193b000-0000-7000-8000-0000000000c1';
export const grantId = '0193b000-0000-7000-8000-0000000000d1';
export const partnerId = '0193b000-0000-7000-8000-0000000000e1';
export const metadata = {
  actorId: 'officer-7',
  role: 'empowerment_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-06-15T08:00:00.000Z',
};
export const of = { enrolmentId, beneficiaryId, country: 'TH' as const };
export const shelter = {
  kind: 'SHELTER' as const,
  shelterName: 'Kredtrakarn',
  governmentRun: true,
  province: null,
  district: null,
};
/** Her statistical attributes on every fact of the spring of 2026 (ADR 21). */
export const stats = { nationality: 'MM' as const, ageYears: 16 };
export const noDetails = {
  occupation: null,
  institution: null,
  period: null,
  amount: null,
  sealedPlace: null,
};

export function cmd<C extends EnrolmentCommand>(
  type: C['type'],
  data: C['data'],
): EnrolmentCommand {
  return { type, data, metadata } as EnrolmentCommand;
}
export const enrolled: EmpowermentIntegrationEvent = {
  type: 'BeneficiaryEnrolled',
  schemaVersion: 2,
  data: { ...of, ...stats, sex: 'FEMALE', minor: true, setting: shelter, enrolledOn: '2026-03-01' },
};
export const closed: EnrolmentEvent = {
  type: 'EnrolmentClosed',
  data: { ...of, reason: 'GOALS_REACHED', closedOn: '2026-06-01' },
};
export const service = (data: Record<string, unknown> = {}) =>
  cmd('RecordEmpowermentService', {
    erased: false,
    serviceId,
    kind: 'REHABILITATION',
    mode: 'GROUP',
    activity: 'ART_THERAPY',
    outcome: 'COMPLETED',
    partnerOrganisationId: null,
    employerRegistered: false,
    ...noDetails,
    providedOn: '2026-03-05',
    providedBy: 'officer-7',
    ...data,
  } as never);
export const serviceRecorded: EnrolmentEvent = {
  type: 'EmpowermentServiceRecorded',
  schemaVersion: 2,
  data: {
    ...of,
    ...stats,
    ...noDetails,
    serviceId,
    kind: 'REHABILITATION',
    mode: 'GROUP',
    activity: 'ART_THERAPY',
    outcome: 'COMPLETED',
    partnerOrganisationId: null,
    minor: true,
    providedOn: '2026-03-05',
    providedBy: 'officer-7',
  },
};
export const thb = (amountMinor: number) => ({ amountMinor, currency: 'THB' });
