import type { Amount, Period, ServiceKind } from '@haven/empowerment/contracts';
import { check } from '@haven/platform/domain';
import { CURRENCIES } from '@haven/vocabulary';
import {
  AccommodationIncomplete,
  CourseIncomplete,
  DetailNotApplicable,
  EmployerMissing,
  EmployerUnknown,
  OccupationMissing,
  PeriodOutOfOrder,
  SupportIncomplete,
} from '../errors';
import type { RecordEmpowermentService } from './enrolment-types';

export const MAX_OCCUPATION_LENGTH = 120;
export const MAX_INSTITUTION_LENGTH = 200;

/** What a service records beyond its kind, mode and outcome: each only for the kinds it fits. */
export type ServiceDetails = {
  partnerOrganisationId: string | null;
  occupation: string | null;
  institution: string | null;
  period: Period | null;
  amount: Amount | null;
  sealedPlace: string | null;
};

const PLACEMENT: readonly ServiceKind[] = ['JOB_PLACEMENT'];
const SUPPORT: readonly ServiceKind[] = ['TUITION_FEES', 'LIVING_ALLOWANCE'];
const ACCOMMODATION: readonly ServiceKind[] = ['SAFE_ACCOMMODATION'];
const COURSE: readonly ServiceKind[] = ['VOCATIONAL_TRAINING'];

function period(value: Period | null, field: string): Period | null {
  if (value === null || value === undefined) return null;
  const from = check.calendarDate(value.from, `${field}.from`);
  const to = check.calendarDate(value.to, `${field}.to`);
  if (to < from) throw new PeriodOutOfOrder(`${field}.to`);
  return { from, to };
}

/**
 * The details a kind of service takes: a placement its employer (registered by networks) and
 * occupation; tuition fees and living allowances their institution, period and amount; a safe
 * accommodation its (sealed) place and period; a vocational training its institution, and its
 * period when known. A detail given to a kind it does not fit is refused.
 */
export function serviceDetails(
  kind: ServiceKind,
  data: RecordEmpowermentService['data'],
): ServiceDetails {
  const details: ServiceDetails = {
    partnerOrganisationId: check.optionalUuid(data.partnerOrganisationId, 'partnerOrganisationId'),
    occupation: check.optionalLine(data.occupation, 'occupation', MAX_OCCUPATION_LENGTH),
    institution: check.optionalLine(data.institution, 'institution', MAX_INSTITUTION_LENGTH),
    period: period(data.period, 'period'),
    amount: data.amount == null ? null : check.money(data.amount, 'amount', CURRENCIES),
    sealedPlace: data.sealedPlace || null,
  };
  const fits = (kinds: readonly ServiceKind[], field: keyof ServiceDetails) => {
    if (!kinds.includes(kind) && details[field] !== null) throw new DetailNotApplicable(field);
  };
  fits(PLACEMENT, 'partnerOrganisationId');
  fits(PLACEMENT, 'occupation');
  fits([...SUPPORT, ...COURSE], 'institution');
  fits([...SUPPORT, ...ACCOMMODATION, ...COURSE], 'period');
  fits(SUPPORT, 'amount');
  fits(ACCOMMODATION, 'sealedPlace');
  if (PLACEMENT.includes(kind)) {
    if (details.partnerOrganisationId === null) throw new EmployerMissing('partnerOrganisationId');
    if (!data.employerRegistered) throw new EmployerUnknown('partnerOrganisationId');
    if (details.occupation === null) throw new OccupationMissing('occupation');
  }
  if (SUPPORT.includes(kind)) {
    if (details.institution === null) throw new SupportIncomplete('institution');
    if (details.period === null) throw new SupportIncomplete('period');
    if (details.amount === null) throw new SupportIncomplete('amount');
  }
  if (COURSE.includes(kind) && details.institution === null) {
    throw new CourseIncomplete('institution');
  }
  if (ACCOMMODATION.includes(kind)) {
    if (details.sealedPlace === null) throw new AccommodationIncomplete('place');
    if (details.period === null) throw new AccommodationIncomplete('period');
  }
  return details;
}

/** Whole years from one YYYY-MM-DD day to a later one (birthdays counted on the day). */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
