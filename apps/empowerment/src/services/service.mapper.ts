import type { ServiceRow } from '@haven/empowerment/read-models';
import type { EmpowermentRecord } from './service.types';

/** A service row as GraphQL shows it: fields named one by one, nothing else. */
export function toRecord(row: ServiceRow): EmpowermentRecord {
  const money = (amountMinor: number | null) =>
    amountMinor === null || row.currency === null ? null : { amountMinor, currency: row.currency };
  return {
    id: row.id,
    enrolmentId: row.enrolmentId,
    beneficiaryId: row.beneficiaryId,
    country: row.country as EmpowermentRecord['country'],
    kind: row.kind,
    mode: row.mode as EmpowermentRecord['mode'],
    activity: row.activity as EmpowermentRecord['activity'],
    outcome: row.outcome as EmpowermentRecord['outcome'],
    partnerOrganisationId: row.partnerOrganisationId,
    occupation: row.occupation,
    institution: row.institution,
    period:
      row.periodFrom === null || row.periodTo === null
        ? null
        : { from: row.periodFrom, to: row.periodTo },
    amount: money(row.amountMinor),
    channel: row.channel as EmpowermentRecord['channel'],
    reached: row.reached,
    nextFollowUpOn: row.nextFollowUpOn,
    grantPurpose: row.grantPurpose as EmpowermentRecord['grantPurpose'],
    approved: money(row.approvedMinor),
    disbursed: money(row.disbursedMinor),
    disbursedOn: row.disbursedOn,
    providedOn: row.providedOn,
    providedBy: row.providedBy,
  };
}
