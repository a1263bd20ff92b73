// Empowerment's part of the report's fictional year: two women enrolled, served, followed up
// (reached and not), given a grant, one of them trained as an agent of change. Each is registered
// on her birthday and served after it, so that her age on a day (what protection knew at
// registration plus the whole years since, ADR 21) is her true age, which the test works out from
// her birth date.
import type { ExpectedFact } from './report-expectations';
import {
  ageOn,
  recordConsent,
  registerPerson,
  type MutationOptions,
  type ReportYearApi,
} from './report-year';

/** The woman trained as an agent of change: networks registers her, relief works with her. */
export interface TrainedAgentOfChange {
  beneficiaryId: string;
  country: string;
}

interface Enrolled {
  enrolmentId: string;
  beneficiaryId: string;
  country: string;
  nationality: string;
  dateOfBirth: string;
  /** Her setting from the day it changed: the report reads it as it stood on each fact. */
  setting: string;
  /** In a shelter: its name and who runs it; the years it has counted as serving her in. */
  shelter: { name: string; operator: string; counted: Set<string> } | null;
}

export async function recordEmpowermentYear(api: ReportYearApi): Promise<TrainedAgentOfChange> {
  const { facts } = api;
  const officer: MutationOptions = { as: 'empowerment' };
  const push = (enrolled: Enrolled, fact: Omit<ExpectedFact, 'programme' | 'country'>) =>
    facts.push({ programme: 'empowerment', country: enrolled.country, ...fact });

  const enrol = async (person: {
    country: string;
    nationality: string;
    dateOfBirth: string;
    registeredOn: string;
    setting: Record<string, unknown> & { kind: string };
    enrolledOn: string;
  }): Promise<Enrolled> => {
    const beneficiaryId = await registerPerson(api, {
      country: person.country,
      nationality: person.nationality,
      minor: ageOn(person.dateOfBirth, person.registeredOn) < 18,
      dateOfBirth: person.dateOfBirth,
      registeredOn: person.registeredOn,
    });
    await recordConsent(api, beneficiaryId, 'SERVICES', person.registeredOn);
    // Once empowerment has read her consent on protection's log.
    const { enrolBeneficiary } = await api.eventually(
      'enrolBeneficiary',
      { beneficiaryId, setting: person.setting, enrolledOn: person.enrolledOn },
      'id',
      officer,
    );
    return {
      enrolmentId: String(enrolBeneficiary.id),
      beneficiaryId,
      country: person.country,
      nationality: person.nationality,
      dateOfBirth: person.dateOfBirth,
      setting: person.setting.kind,
      shelter:
        person.setting.kind === 'SHELTER'
          ? {
              name: String(person.setting.shelterName),
              operator: person.setting.governmentRun ? 'GOVERNMENT' : 'NON_GOVERNMENT',
              counted: new Set(),
            }
          : null,
    };
  };

  /** She was supported toward a career or studies on `on`. */
  const careerSupport = (enrolled: Enrolled, on: string, support: string) =>
    push(enrolled, {
      kind: 'careerSupport',
      on,
      subject: enrolled.beneficiaryId,
      attributes: { support },
    });

  /** She was served on `on`: once a year whatever the service, with her age on the day. */
  const served = (enrolled: Enrolled, on: string, serviceKind: string) => {
    const age = ageOn(enrolled.dateOfBirth, on);
    push(enrolled, {
      kind: 'served',
      on,
      subject: enrolled.beneficiaryId,
      person: true,
      attributes: {
        setting: enrolled.setting,
        serviceKind,
        nationality: enrolled.nationality,
        ageGroup: age < 18 ? 'MINOR' : 'ADULT',
      },
    });
    // Her shelter served someone that year (counted by its name, once per year).
    const { shelter } = enrolled;
    if (shelter && !shelter.counted.has(on.slice(0, 4))) {
      shelter.counted.add(on.slice(0, 4));
      push(enrolled, {
        kind: 'shelter',
        on,
        subject: shelter.name,
        attributes: { operator: shelter.operator },
      });
    }
    if (serviceKind === 'TUITION_FEES') {
      push(enrolled, { kind: 'tuition', on, subject: enrolled.beneficiaryId });
    }
    if (['TUITION_FEES', 'LIVING_ALLOWANCE', 'VOCATIONAL_TRAINING'].includes(serviceKind)) {
      careerSupport(enrolled, on, serviceKind);
    }
    push(enrolled, {
      kind: 'servedAge',
      on,
      subject: enrolled.beneficiaryId,
      quantity: age,
      attributes: { setting: enrolled.setting },
    });
  };
  const service = async (enrolled: Enrolled, input: Record<string, unknown>) => {
    const { enrolmentId } = enrolled;
    await api.mutate('recordEmpowermentService', { enrolmentId, ...input }, 'id', officer);
    served(enrolled, String(input.providedOn), String(input.kind));
  };
  const followUp = async (
    enrolled: Enrolled,
    channel: string,
    reached: boolean,
    followedUpOn: string,
    nextFollowUpOn: string,
  ) => {
    const { enrolmentId } = enrolled;
    const input = { enrolmentId, channel, reached, followedUpOn, nextFollowUpOn };
    const { recordFollowUp } = await api.mutate('recordFollowUp', input, 'id', officer);
    push(enrolled, {
      kind: 'followUp',
      on: followedUpOn,
      subject: `${String(recordFollowUp.id)}/${followedUpOn}`,
      attributes: { mode: channel, reached: reached ? 'REACHED' : 'NOT_REACHED' },
    });
    // Reaching her is serving her; a call that does not reach her is not.
    if (reached) served(enrolled, followedUpOn, 'FOLLOW_UP');
  };
  const grant = async (
    enrolled: Enrolled,
    purpose: string,
    approved: { amountMinor: number; currency: string },
    approvedOn: string,
    disbursed: number,
    disbursedOn: string,
  ) => {
    const { enrolmentId } = enrolled;
    const approval = await api.mutate(
      'approveSmallGrant',
      { enrolmentId, purpose, amount: approved, approvedOn },
      'id',
      officer,
    );
    const grantId = String(approval.approveSmallGrant.id);
    const amount = { amountMinor: disbursed, currency: approved.currency };
    await api.mutate(
      'disburseSmallGrant',
      { enrolmentId, grantId, amount, disbursedOn },
      'id',
      officer,
    );
    // Counted when disbursed, with what was disbursed.
    push(enrolled, { kind: 'grant', on: disbursedOn, subject: grantId, attributes: { purpose } });
    push(enrolled, {
      kind: 'grantBeneficiary',
      on: disbursedOn,
      subject: enrolled.beneficiaryId,
      attributes: { purpose },
    });
    careerSupport(enrolled, disbursedOn, 'SMALL_GRANT');
    push(enrolled, {
      kind: 'grantAmount',
      on: disbursedOn,
      subject: grantId,
      quantity: disbursed,
      attributes: { currency: approved.currency },
    });
  };

  // A girl from Myanmar in a Thai shelter: 15 when registered on her birthday in April 2024,
  // counselled on 31 December 2024, in rehabilitation on 1 January, her tuition paid in June
  // (16 by then); home to her community in September; a call that does not reach her on 30
  // December, a visit on 31 December, a video call on 1 January 2026; a grant disbursed on
  // 31 December.
  const girl = await enrol({
    country: 'TH',
    nationality: 'MM',
    dateOfBirth: '2009-04-01',
    registeredOn: '2024-04-01',
    setting: { kind: 'SHELTER', shelterName: 'A fictional shelter', governmentRun: true },
    enrolledOn: '2024-04-10',
  });
  await service(girl, { kind: 'COUNSELLING', mode: 'INDIVIDUAL', providedOn: '2024-12-31' });
  await service(girl, {
    kind: 'REHABILITATION',
    mode: 'GROUP',
    activity: 'ART_THERAPY',
    providedOn: '2025-01-01',
  });
  await service(girl, {
    kind: 'TUITION_FEES',
    institution: 'A fictional vocational college',
    period: { from: '2025-06-15', to: '2025-12-31' },
    amount: { amountMinor: 1_250_000, currency: 'THB' },
    providedOn: '2025-06-15',
  });
  await api.mutate(
    'changeEnrolmentSetting',
    {
      enrolmentId: girl.enrolmentId,
      setting: { kind: 'COMMUNITY', province: 'Chiang Rai' },
      changedOn: '2025-09-01',
    },
    'id',
    officer,
  );
  girl.setting = 'COMMUNITY';
  girl.shelter = null;
  await followUp(girl, 'PHONE', false, '2025-12-30', '2025-12-31');
  await followUp(girl, 'IN_PERSON', true, '2025-12-31', '2026-01-01');
  await followUp(girl, 'ONLINE', true, '2026-01-01', '2026-02-01');
  await grant(
    girl,
    'SMALL_BUSINESS',
    { amountMinor: 1_500_000, currency: 'THB' },
    '2025-11-01',
    1_200_000,
    '2025-12-31',
  );

  // A Lao woman in her community in Laos: 25 when registered on her birthday in July, counselled
  // two days later, trained as an agent of change on 31 December; a livestock grant approved that
  // day and disbursed on 1 January 2026; a call that reaches her on 1 January 2026.
  const woman = await enrol({
    country: 'LA',
    nationality: 'LA',
    dateOfBirth: '2000-07-01',
    registeredOn: '2025-07-01',
    setting: { kind: 'COMMUNITY', province: 'Vientiane' },
    enrolledOn: '2025-07-02',
  });
  await service(woman, { kind: 'COUNSELLING', mode: 'INDIVIDUAL', providedOn: '2025-07-03' });
  await api.mutate(
    'completeAgentOfChangeTraining',
    { enrolmentId: woman.enrolmentId, completedOn: '2025-12-31' },
    'id',
    officer,
  );
  push(woman, {
    kind: 'agentOfChangeTrained',
    on: '2025-12-31',
    subject: woman.beneficiaryId,
    person: true,
    attributes: { sex: 'FEMALE' },
  });
  await grant(
    woman,
    'LIVESTOCK',
    { amountMinor: 5_000_000, currency: 'LAK' },
    '2025-12-31',
    5_000_000,
    '2026-01-01',
  );
  await followUp(woman, 'PHONE', true, '2026-01-01', '2026-03-01');
  return { beneficiaryId: woman.beneficiaryId, country: 'LA' };
}
