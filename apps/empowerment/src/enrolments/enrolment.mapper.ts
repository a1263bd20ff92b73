import type { EnrolmentRow } from '@haven/empowerment/read-models';
import type { Enrolment } from './enrolment.types';

/** An enrolment row as GraphQL shows it: fields named one by one, nothing else. */
export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    country: row.country as Enrolment['country'],
    sex: row.sex as Enrolment['sex'],
    minor: row.minor,
    status: row.status,
    settingKind: row.settingKind as Enrolment['settingKind'],
    shelterName: row.shelterName,
    governmentRun: row.governmentRun,
    province: row.province,
    district: row.district,
    enrolledOn: row.enrolledOn,
    officerId: row.officerId,
    closureReason: row.closureReason as Enrolment['closureReason'],
    closedOn: row.closedOn,
    planGoals: row.planGoals as Enrolment['planGoals'],
    followUpRhythm: row.followUpRhythm as Enrolment['followUpRhythm'],
    reviewDates: row.reviewDates,
    lastFollowUpOn: row.lastFollowUpOn,
    nextFollowUpOn: row.nextFollowUpOn,
    consecutiveNotReached: row.consecutiveNotReached,
    trainedOn: row.trainedOn,
  };
}
