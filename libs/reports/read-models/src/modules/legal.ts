import type { RecordedEvent } from '@haven/platform/event-store';
import {
  ADVOCACY_ACTION_CATEGORY,
  LEGAL_CASE_CATEGORY,
  type AdvocacyIntegrationEvent,
  type LegalCaseIntegrationEvent,
} from '@haven/legal/contracts';
import { BENEFICIARY_CATEGORY, type BeneficiaryRegistered } from '@haven/protection/contracts';
import { known, type NewFact, type ReportModule, type SubjectBook } from '../programme-module';

/**
 * Legal cases active in the year: open at any time in it, whether or not anything was recorded on
 * them that year, new (opened that year) or ongoing (opened earlier); the beneficiaries of cases
 * worked in the year by sex, minor or adult, nationality, kind of case and where it was exploited;
 * service occasions by kind, and the cases that had one;
 * compensation claimed, approved and paid by source, with amounts, cases and beneficiaries;
 * offenders of the cases active in the year, by kind and by their status at the year's end;
 * verdicts; advocacy actions by kind, and their outcomes. A beneficiary's nationality is the one
 * protection registered in clear (ADR 21): legal's events do not carry it.
 *
 * An offender's facts are states, as a case's are: his status, and whether his case is open. A
 * case's closing (or reopening) restates each of its offenders with the case's new state, so he
 * counts in the years his case is active, and in no later one.
 */
export const legalModule: ReportModule = {
  programme: 'legal',
  // 2: a case counts in every year it is open (its opening, closing and reopening are states).
  // 3: a beneficiary has her nationality from her registration, and a case's opening counts its
  // beneficiaries once (as they join it), never also as UNKNOWN.
  // 6: offenders count in the years their case is active (ADR 19, offenders addendum).
  // 7: advocacy actions and their outcomes.
  // 8: beneficiaries and compensated cases by the kind of their case; compensated beneficiaries
  // by nationality.
  // 9: the cases that had a service occasion, by its kind.
  // 10: beneficiaries by where their case's exploitation happened.
  revision: 10,
  categories: [LEGAL_CASE_CATEGORY, BENEFICIARY_CATEGORY, ADVOCACY_ACTION_CATEGORY],
  handles: [
    'BeneficiaryRegistered',
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
    'LegalCaseReopened',
    'AdvocacyActionRecorded',
    'AdvocacyOutcomeRecorded',
  ],
  reads(event) {
    if (event.type === 'BeneficiaryRegistered') return [];
    if (event.type === 'AdvocacyOutcomeRecorded') {
      return [`advocacy:${(event.data as { actionId: string }).actionId}`];
    }
    const data = event.data as {
      caseId?: string;
      beneficiaryIds?: string[];
      beneficiaryId?: string;
    };
    const people = [
      ...(data.beneficiaryIds ?? []),
      ...(data.beneficiaryId ? [data.beneficiaryId] : []),
    ];
    const nationality =
      event.type === 'LegalCaseBeneficiaryJoined' && data.beneficiaryId
        ? [`nationality:${data.beneficiaryId}`]
        : [];
    return [
      ...(data.caseId ? [`case:${data.caseId}`] : []),
      ...people.map((id) => `person:${id}`),
      ...nationality,
    ];
  },
  factsOf(recorded: RecordedEvent, subjects: SubjectBook): NewFact[] {
    if (recorded.type === 'BeneficiaryRegistered') {
      const { beneficiaryId, nationality } = (recorded as unknown as BeneficiaryRegistered).data;
      if (nationality) subjects.set(`nationality:${beneficiaryId}`, { nationality });
      return [];
    }
    if (recorded.type === 'AdvocacyActionRecorded' || recorded.type === 'AdvocacyOutcomeRecorded') {
      return advocacyFacts(recorded as unknown as AdvocacyIntegrationEvent, subjects);
    }
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
          exploitedIn: event.data.exploitedIn ?? null,
          state: 'OPEN',
          offenders: JSON.stringify({}),
        });
        // Its beneficiaries count as each joins it (LegalCaseBeneficiaryJoined, the same day).
        return [caseState(data.caseId, data.country, event.data.openedOn, 'OPEN', subjects)];
      case 'LegalCaseBeneficiaryJoined': {
        const { beneficiaryId, sex, minor, joinedOn } = event.data;
        const nationality =
          (event.data as { nationality?: string | null }).nationality ??
          (subjects.get(`nationality:${beneficiaryId}`)?.nationality as string | undefined) ??
          null;
        subjects.set(`person:${beneficiaryId}`, { sex, minor, nationality });
        return worked(subjects, data.caseId, data.country, joinedOn, [beneficiaryId]);
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
          // "5 cases received legal consultation": the case, once per kind of occasion.
          {
            kind: 'caseServed',
            country: data.country,
            occurredOn: event.data.on,
            subjectId: data.caseId,
            attributes: { kind: event.data.kind },
          },
          ...worked(subjects, data.caseId, data.country, event.data.on, event.data.beneficiaryIds),
        ];
      case 'OffenderStatusChanged': {
        const { offenderId, offenderKind, to, on } = event.data;
        const offenders = offendersOf(subjects, data.caseId);
        offenders[offenderId] = { kind: offenderKind, status: to };
        const theCase = subjects.get(`case:${data.caseId}`) ?? {};
        subjects.set(`case:${data.caseId}`, { ...theCase, offenders: JSON.stringify(offenders) });
        const caseOpen = theCase.state === 'CLOSED' ? 'CLOSED' : 'OPEN';
        return [
          offenderState(data.country, on, offenderId, offenders[offenderId], caseOpen),
          ...worked(subjects, data.caseId, data.country, on, event.data.beneficiaryIds),
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
          ...worked(subjects, data.caseId, data.country, event.data.on, event.data.beneficiaryIds),
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
        const caseKind = kindOfCase(subjects, caseId);
        const nationality = known(subjects.get(`person:${beneficiaryId}`)?.nationality);
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
            attributes: { ...attributes, caseKind },
          },
          {
            kind: `compensation${stage}Beneficiary`,
            country: data.country,
            occurredOn: on,
            subjectId: beneficiaryId,
            attributes: { ...attributes, caseKind, nationality },
          },
          ...worked(subjects, data.caseId, data.country, on, [beneficiaryId]),
        ];
      }
      case 'LegalCaseStageChanged':
        return worked(
          subjects,
          data.caseId,
          data.country,
          data.on ?? '',
          data.beneficiaryIds ?? [],
        );
      case 'LegalCaseClosed':
      case 'LegalCaseReopened': {
        const state = event.type === 'LegalCaseClosed' ? 'CLOSED' : 'OPEN';
        const theCase = subjects.get(`case:${data.caseId}`);
        if (theCase) subjects.set(`case:${data.caseId}`, { ...theCase, state });
        // Its offenders are restated with it: they count while it is active.
        const offenders = Object.entries(offendersOf(subjects, data.caseId)).map(([id, offender]) =>
          offenderState(data.country, event.data.on, id, offender, state),
        );
        return [
          caseState(data.caseId, data.country, event.data.on, state, subjects),
          ...offenders,
          ...worked(subjects, data.caseId, data.country, event.data.on, event.data.beneficiaryIds),
        ];
      }
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'casesActive',
      kind: 'caseState',
      measure: 'subjects',
      breakdowns: ['status', 'kind'],
      newOrOngoing: 'status',
      period: 'openInYear',
      latest: true,
    },
    {
      name: 'beneficiaries',
      kind: 'beneficiary',
      measure: 'subjects',
      rollup: true,
      breakdowns: ['sex', 'ageGroup', 'nationality', 'caseKind', 'exploitedIn'],
      crossings: [
        ['sex', 'ageGroup'],
        ['nationality', 'ageGroup'],
        ['nationality', 'caseKind'],
        // "11 Lao victims … sexually exploited in Thailand".
        ['nationality', 'exploitedIn'],
      ],
    },
    { name: 'serviceOccasions', kind: 'serviceOccasion', measure: 'facts', breakdowns: ['kind'] },
    { name: 'casesServed', kind: 'caseServed', measure: 'subjects', breakdowns: ['kind'] },
    ...(['Claimed', 'Approved', 'Paid'] as const).flatMap((stage) => [
      {
        name: `compensation${stage}`,
        kind: `compensation${stage}Amount`,
        measure: 'sum' as const,
        sumOfFew: 'hidden' as const,
        breakdowns: ['source', 'currency'],
      },
      {
        name: `compensation${stage}Cases`,
        kind: `compensation${stage}Case`,
        measure: 'subjects' as const,
        breakdowns: ['source', 'caseKind'],
      },
      {
        name: `compensation${stage}Beneficiaries`,
        kind: `compensation${stage}Beneficiary`,
        measure: 'subjects' as const,
        breakdowns: ['source', 'caseKind', 'nationality'],
      },
    ]),
    {
      name: 'offenders',
      kind: 'offender',
      measure: 'subjects',
      breakdowns: ['kind', 'status'],
      // Of the cases active in the year: each offender's latest state by its end.
      period: 'openInYear',
      latest: true,
    },
    { name: 'verdicts', kind: 'verdict', measure: 'facts', breakdowns: ['outcome'] },
    {
      name: 'advocacyActions',
      kind: 'advocacyAction',
      measure: 'subjects',
      breakdowns: ['kind'],
    },
    // The outcome each action had reached by the year's end, of those whose outcome changed in it.
    {
      name: 'advocacyOutcomes',
      kind: 'advocacyOutcome',
      measure: 'subjects',
      breakdowns: ['outcome', 'kind'],
      latest: true,
    },
  ],
};

/** The case is open or closed from `on`: its state, which the report follows over the years. */
function caseState(
  caseId: string,
  country: string,
  on: string,
  state: 'OPEN' | 'CLOSED',
  subjects: SubjectBook,
): NewFact {
  const theCase = subjects.get(`case:${caseId}`);
  return {
    kind: 'caseState',
    country,
    occurredOn: on,
    subjectId: caseId,
    stateKey: `legalcase:${caseId}`,
    attributes: {
      state,
      openedYear: String(theCase?.openedOn ?? on).slice(0, 4),
      kind: kindOfCase(subjects, caseId),
    },
  };
}

/** An advocacy action counts in the year it was taken; its outcome as it last stood. */
function advocacyFacts(event: AdvocacyIntegrationEvent, subjects: SubjectBook): NewFact[] {
  const { actionId, country, outcome, on } = event.data;
  let kind: string;
  if (event.type === 'AdvocacyActionRecorded') {
    kind = event.data.kind;
    subjects.set(`advocacy:${actionId}`, { kind });
  } else {
    kind = known(subjects.get(`advocacy:${actionId}`)?.kind);
  }
  const state: NewFact = {
    kind: 'advocacyOutcome',
    country,
    occurredOn: on,
    subjectId: actionId,
    stateKey: `advocacy:${actionId}`,
    attributes: { outcome, kind },
  };
  if (event.type === 'AdvocacyOutcomeRecorded') return [state];
  return [
    { kind: 'advocacyAction', country, occurredOn: on, subjectId: actionId, attributes: { kind } },
    state,
  ];
}

interface OffenderOnCase {
  kind: string;
  status: string;
}

/** A case's offenders as the module last saw them, by id (kept on the case's subject). */
function offendersOf(subjects: SubjectBook, caseId: string): Record<string, OffenderOnCase> {
  const kept = subjects.get(`case:${caseId}`)?.offenders;
  return typeof kept === 'string' ? (JSON.parse(kept) as Record<string, OffenderOnCase>) : {};
}

/** An offender's status from `on`, and whether his case is open then. */
function offenderState(
  country: string,
  on: string,
  offenderId: string,
  offender: OffenderOnCase,
  state: 'OPEN' | 'CLOSED',
): NewFact {
  return {
    kind: 'offender',
    country,
    occurredOn: on,
    subjectId: offenderId,
    stateKey: `offender:${offenderId}`,
    attributes: { kind: known(offender.kind), status: known(offender.status), state },
  };
}

/** The kind of case (sex trafficking, sexual abuse…), as it was opened. */
function kindOfCase(subjects: SubjectBook, caseId: string): string {
  return known(subjects.get(`case:${caseId}`)?.kind);
}

/** The beneficiaries named by an event were assisted on `on`, in a case of its kind. */
function worked(
  subjects: SubjectBook,
  caseId: string,
  country: string,
  on: string,
  beneficiaryIds: readonly string[] = [],
): NewFact[] {
  if (!on) return [];
  const caseKind = kindOfCase(subjects, caseId);
  const exploitedIn = known(subjects.get(`case:${caseId}`)?.exploitedIn);
  return beneficiaryIds.map((id) => {
    const person = subjects.get(`person:${id}`);
    return {
      kind: 'beneficiary',
      country,
      occurredOn: on,
      subjectId: id,
      person: true,
      attributes: {
        sex: known(person?.sex),
        ageGroup: person ? (person.minor ? 'MINOR' : 'ADULT') : 'UNKNOWN',
        nationality: known(person?.nationality),
        caseKind,
        exploitedIn,
      },
    };
  });
}
