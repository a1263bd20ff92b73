import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@haven/platform/event-store';
import { ENROLMENT_CATEGORY, type EmpowermentIntegrationEvent } from '@haven/empowerment/contracts';
import {
  known,
  type NewFact,
  type ReportModule,
  type SubjectAttributes,
  type SubjectBook,
} from '../programme-module';

/**
 * Beneficiaries served (a service or a follow-up in the year), by setting, service kind,
 * nationality and minor or adult; their average and youngest age; follow-ups by mode and whether
 * the person was reached; grants (small grants disbursed, tuition paid as a service) with amounts
 * by currency, and the beneficiaries given one; those supported toward a career or studies (a
 * grant, tuition, an allowance or a vocational course); agents of change trained; the shelters where
 * anyone was served, government-run or not. Nationality, age and minor are the ones services and
 * follow-ups carry on their day (schema version 2, ADR 21); version 1 events, read through
 * `EMPOWERMENT_UPCASTERS`, count them as UNKNOWN.
 */
export const empowermentModule: ReportModule = {
  programme: 'empowerment',
  // 4: a disbursed grant also counts its beneficiary ("30 beneficiaries given a small grant").
  // 5: ages by setting (the shelters' girls apart from those served in their community).
  // 6: the shelters where anyone was served.
  // 7: beneficiaries supported toward a career or studies, by kind of support.
  revision: 7,
  categories: [ENROLMENT_CATEGORY],
  handles: [
    'BeneficiaryEnrolled',
    'EnrolmentSettingChanged',
    'EmpowermentServiceRecorded',
    'FollowUpRecorded',
    'SmallGrantApproved',
    'SmallGrantDisbursed',
    'AgentOfChangeTrainingCompleted',
  ],
  reads(event) {
    const { enrolmentId, grantId } = event.data as { enrolmentId?: string; grantId?: string };
    return [
      ...(enrolmentId ? [`enrolment:${enrolmentId}`] : []),
      ...(grantId ? [`grant:${grantId}`] : []),
    ];
  },
  factsOf(recorded: RecordedEvent, subjects: SubjectBook): NewFact[] {
    const event = recorded as unknown as EmpowermentIntegrationEvent;
    const statistics = event.data as {
      nationality?: string | null;
      ageYears?: number | null;
      minor?: boolean | null;
    };
    switch (event.type) {
      case 'BeneficiaryEnrolled':
      case 'EnrolmentSettingChanged': {
        const before = subjects.get(`enrolment:${event.data.enrolmentId}`) ?? {};
        const { kind, shelterName, governmentRun } = event.data.setting;
        const shelter = kind === 'SHELTER' && shelterName ? shelterKey(shelterName) : null;
        subjects.set(`enrolment:${event.data.enrolmentId}`, {
          ...before,
          setting: kind,
          shelter,
          shelterOperator:
            shelter === null || governmentRun === null
              ? null
              : governmentRun
                ? 'GOVERNMENT'
                : 'NON_GOVERNMENT',
          ...(event.type === 'BeneficiaryEnrolled' ? { sex: event.data.sex } : {}),
        });
        return [];
      }
      case 'EmpowermentServiceRecorded': {
        const { beneficiaryId, country, kind, minor, providedOn } = event.data;
        return served(subjects, event.data.enrolmentId, {
          beneficiaryId,
          country,
          on: providedOn,
          kind,
          minor,
          nationality: statistics.nationality,
          ageYears: statistics.ageYears,
        });
      }
      case 'FollowUpRecorded': {
        const { beneficiaryId, country, channel, reached, followedUpOn, followUpId } = event.data;
        return [
          {
            kind: 'followUp',
            country,
            occurredOn: followedUpOn,
            subjectId: followUpId,
            attributes: { mode: channel, reached: reached ? 'REACHED' : 'NOT_REACHED' },
          },
          ...(reached
            ? served(subjects, event.data.enrolmentId, {
                beneficiaryId,
                country,
                on: followedUpOn,
                kind: 'FOLLOW_UP',
                minor: statistics.minor ?? null,
                nationality: statistics.nationality,
                ageYears: statistics.ageYears,
              })
            : []),
        ];
      }
      case 'SmallGrantApproved':
        subjects.set(`grant:${event.data.grantId}`, { purpose: event.data.purpose });
        return [];
      case 'SmallGrantDisbursed': {
        const { grantId, beneficiaryId, country, amount, disbursedOn } = event.data;
        const purpose = known(subjects.get(`grant:${grantId}`)?.purpose);
        return [
          {
            kind: 'grantBeneficiary',
            country,
            occurredOn: disbursedOn,
            subjectId: beneficiaryId,
            attributes: { purpose },
          },
          careerSupported(beneficiaryId, country, disbursedOn, 'SMALL_GRANT'),
          {
            kind: 'grant',
            country,
            occurredOn: disbursedOn,
            subjectId: grantId,
            attributes: { purpose },
          },
          {
            kind: 'grantAmount',
            country,
            occurredOn: disbursedOn,
            subjectId: grantId,
            quantity: amount.amountMinor,
            attributes: { currency: amount.currency },
          },
        ];
      }
      case 'AgentOfChangeTrainingCompleted':
        return [
          {
            kind: 'agentOfChangeTrained',
            country: event.data.country,
            occurredOn: event.data.completedOn,
            subjectId: event.data.beneficiaryId,
            person: true,
            attributes: { sex: event.data.sex },
          },
        ];
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'beneficiariesServed',
      kind: 'served',
      measure: 'subjects',
      rollup: true,
      breakdowns: ['setting', 'serviceKind', 'nationality', 'ageGroup'],
      crossings: [
        ['setting', 'nationality'],
        ['serviceKind', 'ageGroup'],
      ],
    },
    { name: 'averageAge', kind: 'servedAge', measure: 'average', breakdowns: ['setting'] },
    { name: 'youngestAge', kind: 'servedAge', measure: 'minimum', breakdowns: ['setting'] },
    { name: 'followUps', kind: 'followUp', measure: 'facts', breakdowns: ['mode', 'reached'] },
    { name: 'grants', kind: 'grant', measure: 'subjects', breakdowns: ['purpose'] },
    {
      name: 'grantBeneficiaries',
      kind: 'grantBeneficiary',
      measure: 'subjects',
      breakdowns: ['purpose'],
    },
    {
      name: 'grantAmounts',
      kind: 'grantAmount',
      measure: 'sum',
      sumOfFew: 'hidden',
      breakdowns: ['currency'],
    },
    { name: 'tuitionSupported', kind: 'tuition', measure: 'subjects' },
    {
      name: 'careerAlternativesSupported',
      kind: 'careerSupport',
      measure: 'subjects',
      breakdowns: ['support'],
    },
    { name: 'agentsOfChangeTrained', kind: 'agentOfChangeTrained', measure: 'subjects' },
    // "65 beneficiaries in two government shelters".
    { name: 'sheltersServed', kind: 'shelter', measure: 'subjects', breakdowns: ['operator'] },
  ],
};

/**
 * A shelter by its name, normalised and hashed: the report counts shelters without copying their
 * names into its tables (empowerment's records keep them).
 */
function shelterKey(name: string): string {
  const normalised = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 32);
}

/**
 * The shelter an enrolment is in served someone on `on`: one fact per enrolment, shelter and
 * year (the enrolment remembers which it gave), not one per service.
 */
function shelterServed(
  subjects: SubjectBook,
  enrolmentId: string,
  enrolment: SubjectAttributes | undefined,
  country: string,
  on: string,
): NewFact[] {
  if (enrolment?.setting !== 'SHELTER' || typeof enrolment.shelter !== 'string') return [];
  const given = `${enrolment.shelter}/${on.slice(0, 4)}`;
  const already = String(enrolment.sheltersCounted ?? '').split(',');
  if (already.includes(given)) return [];
  subjects.set(`enrolment:${enrolmentId}`, {
    ...enrolment,
    sheltersCounted: [...already.filter(Boolean), given].join(','),
  });
  return [
    {
      kind: 'shelter',
      country,
      occurredOn: on,
      subjectId: enrolment.shelter,
      attributes: { operator: known(enrolment.shelterOperator) },
    },
  ];
}

/** The services that support a career or studies, as a small grant does. */
const CAREER_SUPPORT: readonly string[] = [
  'TUITION_FEES',
  'LIVING_ALLOWANCE',
  'VOCATIONAL_TRAINING',
];

/**
 * "32 beneficiaries supported with educational and career alternatives: 30 small grants, 2
 * tuition fees and living allowances": each person once, by what she was given.
 */
function careerSupported(
  beneficiaryId: string,
  country: string,
  on: string,
  support: string,
): NewFact {
  return {
    kind: 'careerSupport',
    country,
    occurredOn: on,
    subjectId: beneficiaryId,
    attributes: { support },
  };
}

/** A person served: counted once per year, with her age (when known) for the age figures. */
function served(
  subjects: SubjectBook,
  enrolmentId: string,
  fact: {
    beneficiaryId: string;
    country: string;
    on: string;
    kind: string;
    minor: boolean | null;
    nationality?: string | null;
    ageYears?: number | null;
  },
): NewFact[] {
  const enrolment = subjects.get(`enrolment:${enrolmentId}`);
  const ageGroup = fact.minor === null ? 'UNKNOWN' : fact.minor ? 'MINOR' : 'ADULT';
  const facts: NewFact[] = [
    {
      kind: 'served',
      country: fact.country,
      occurredOn: fact.on,
      subjectId: fact.beneficiaryId,
      person: true,
      attributes: {
        setting: known(enrolment?.setting),
        serviceKind: fact.kind,
        nationality: known(fact.nationality),
        ageGroup,
      },
    },
  ];
  facts.push(...shelterServed(subjects, enrolmentId, enrolment, fact.country, fact.on));
  if (CAREER_SUPPORT.includes(fact.kind)) {
    facts.push(careerSupported(fact.beneficiaryId, fact.country, fact.on, fact.kind));
  }
  if (fact.kind === 'TUITION_FEES') {
    facts.push({
      kind: 'tuition',
      country: fact.country,
      occurredOn: fact.on,
      subjectId: fact.beneficiaryId,
    });
  }
  if (typeof fact.ageYears === 'number') {
    facts.push({
      kind: 'servedAge',
      country: fact.country,
      occurredOn: fact.on,
      subjectId: fact.beneficiaryId,
      quantity: fact.ageYears,
      attributes: { setting: known(enrolment?.setting) },
    });
  }
  return facts;
}
