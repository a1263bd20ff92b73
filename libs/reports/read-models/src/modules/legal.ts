import type { RecordedEvent } from '@haven/platform/event-store';
import { LEGAL_CASE_CATEGORY, type LegalCaseIntegrationEvent } from '@haven/legal/contracts';
import { known, type NewFact, type ReportModule, type SubjectBook } from '../programme-module';

/**
 * Legal cases active in the year (anything recorded on them in it), new (opened that year) or
 * ongoing (opened earlier); their beneficiaries by sex, minor or adult and nationality; service
 * occasions by kind; compensation claimed, approved and paid by source, with amounts, cases and
 * beneficiaries; offenders by kind and by their status at the end of the year; verdicts.
 */
export const legalModule: ReportModule = {
  programme: 'legal',
  categories: [LEGAL_CASE_CATEGORY],
  handles: [
    'LegalCaseOpened',
    'LegalCaseBeneficiaryJoined',
    'LegalCaseStageChanged',
    'OffenderStatusChanged',
    'LegalServiceOccasionRecorded',
    'VerdictRecorded',
    'CompensationClaimed',
    'CompensationApproved',
    'CompensationPaymentReceived',
    'LegalCaseClosed',
  ],
  reads(event) {
    const data = event.data as {
      caseId?: string;
      beneficiaryIds?: string[];
      beneficiaryId?: string;
    };
    const people = [
      ...(data.beneficiaryIds ?? []),
      ...(data.beneficiaryId ? [data.beneficiaryId] : []),
    ];
    return [...(data.caseId ? [`case:${data.caseId}`] : []), ...people.map((id) => `person:${id}`)];
  },
  factsOf(recorded: RecordedEvent, subjects: SubjectBook): NewFact[] {
    const event = recorded as unknown as LegalCaseIntegrationEvent;
    const data = event.data as {
      caseId: string;
      country: string;
      on?: string;
      beneficiaryIds?: string[];
    };
    switch (event.type) {
      case 'LegalCaseOpened':
        subjects.set(`case:${event.data.caseId}`, {
          openedOn: event.data.openedOn,
          kind: event.data.kind,
        });
        return active(
          subjects,
          data.caseId,
          data.country,
          event.data.openedOn,
          event.data.beneficiaryIds,
        );
      case 'LegalCaseBeneficiaryJoined': {
        const { beneficiaryId, sex, minor, joinedOn } = event.data;
        const nationality = (event.data as { nationality?: string | null }).nationality ?? null;
        subjects.set(`person:${beneficiaryId}`, { sex, minor, nationality });
        return active(subjects, data.caseId, data.country, joinedOn, [beneficiaryId]);
      }
      case 'LegalServiceOccasionRecorded':
        return [
          {
            kind: 'serviceOccasion',
            country: data.country,
            occurredOn: event.data.on,
            subjectId: event.data.occasionId,
            attributes: { kind: event.data.kind },
          },
          ...active(subjects, data.caseId, data.country, event.data.on, event.data.beneficiaryIds),
        ];
      case 'OffenderStatusChanged': {
        const { offenderId, offenderKind, to, on } = event.data;
        return [
          {
            kind: 'offender',
            country: data.country,
            occurredOn: on,
            subjectId: offenderId,
            stateKey: `offender:${offenderId}`,
            attributes: { kind: offenderKind, status: to },
          },
          ...active(subjects, data.caseId, data.country, on, event.data.beneficiaryIds),
        ];
      }
      case 'VerdictRecorded':
        return [
          {
            kind: 'verdict',
            country: data.country,
            occurredOn: event.data.on,
            subjectId: `${event.data.offenderId}:${event.data.on}`,
            attributes: { outcome: event.data.outcome },
          },
          ...active(subjects, data.caseId, data.country, event.data.on, event.data.beneficiaryIds),
        ];
      case 'CompensationClaimed':
      case 'CompensationApproved':
      case 'CompensationPaymentReceived': {
        const stage = {
          CompensationClaimed: 'Claimed',
          CompensationApproved: 'Approved',
          CompensationPaymentReceived: 'Paid',
        }[event.type];
        const amount =
          'claimed' in event.data
            ? event.data.claimed
            : 'approved' in event.data
              ? event.data.approved
              : event.data.amount;
        const { caseId, beneficiaryId, source, on } = event.data;
        const attributes = { source, currency: amount.currency };
        return [
          {
            kind: `compensation${stage}Amount`,
            country: data.country,
            occurredOn: on,
            subjectId: caseId,
            quantity: amount.amountMinor,
            attributes,
          },
          {
            kind: `compensation${stage}Case`,
            country: data.country,
            occurredOn: on,
            subjectId: caseId,
            attributes,
          },
          {
            kind: `compensation${stage}Beneficiary`,
            country: data.country,
            occurredOn: on,
            subjectId: beneficiaryId,
            attributes,
          },
          ...active(subjects, caseId, data.country, on, [beneficiaryId]),
        ];
      }
      case 'LegalCaseStageChanged':
      case 'LegalCaseClosed':
        return active(
          subjects,
          data.caseId,
          data.country,
          data.on ?? '',
          data.beneficiaryIds ?? [],
        );
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'casesActive',
      kind: 'caseActive',
      measure: 'subjects',
      breakdowns: ['status', 'kind'],
    },
    {
      name: 'beneficiaries',
      kind: 'beneficiary',
      measure: 'subjects',
      breakdowns: ['sex', 'ageGroup', 'nationality'],
    },
    { name: 'serviceOccasions', kind: 'serviceOccasion', measure: 'facts', breakdowns: ['kind'] },
    ...(['Claimed', 'Approved', 'Paid'] as const).flatMap((stage) => [
      {
        name: `compensation${stage}`,
        kind: `compensation${stage}Amount`,
        measure: 'sum' as const,
        breakdowns: ['source', 'currency'],
      },
      {
        name: `compensation${stage}Cases`,
        kind: `compensation${stage}Case`,
        measure: 'subjects' as const,
        breakdowns: ['source'],
      },
      {
        name: `compensation${stage}Beneficiaries`,
        kind: `compensation${stage}Beneficiary`,
        measure: 'subjects' as const,
        breakdowns: ['source'],
      },
    ]),
    {
      name: 'offenders',
      kind: 'offender',
      measure: 'subjects',
      breakdowns: ['kind', 'status'],
      period: 'untilYearEnd',
      latest: true,
    },
    { name: 'verdicts', kind: 'verdict', measure: 'facts', breakdowns: ['outcome'] },
  ],
};

/** The case was active on `on`, and so were its beneficiaries named by the event. */
function active(
  subjects: SubjectBook,
  caseId: string,
  country: string,
  on: string,
  beneficiaryIds: readonly string[],
): NewFact[] {
  if (!on) return [];
  const theCase = subjects.get(`case:${caseId}`);
  const openedYear = String(theCase?.openedOn ?? on).slice(0, 4);
  const facts: NewFact[] = [
    {
      kind: 'caseActive',
      country,
      occurredOn: on,
      subjectId: caseId,
      attributes: {
        status: openedYear === on.slice(0, 4) ? 'NEW' : 'ONGOING',
        kind: known(theCase?.kind),
      },
    },
  ];
  for (const id of beneficiaryIds) {
    const person = subjects.get(`person:${id}`);
    facts.push({
      kind: 'beneficiary',
      country,
      occurredOn: on,
      subjectId: id,
      person: true,
      attributes: {
        sex: known(person?.sex),
        ageGroup: person ? (person.minor ? 'MINOR' : 'ADULT') : 'UNKNOWN',
        nationality: known(person?.nationality),
      },
    });
  }
  return facts;
}
