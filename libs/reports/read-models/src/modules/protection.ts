import type { RecordedEvent } from '@haven/platform/event-store';
import { PROTECTION_CASE_CATEGORY, type ProtectionCaseEvent } from '@haven/protection/contracts';
import {
  known,
  type NewFact,
  type ReportModule,
  type SubjectAttributes,
  type SubjectBook,
} from '../programme-module';

/**
 * Persons protected (a victim taken into a case, on the day she was), by nationality, minor or
 * adult, form of exploitation, in the country or abroad and the destination, and the kind of
 * place where the case's exploitation happened ("24 victims from hidden brothels"); cases opened and
 * closed; the victims' average, youngest and oldest age on the day they were taken in; rescues
 * and persons rescued; identifications by outcome; returns completed (the reception at home). The
 * case's country is the country of operation for all of them.
 *
 * Persons rescued are the rescues' counts summed: a raid rescues persons before they are
 * registered, so a rescue counts them all at once, and a victim attached to it later is one of
 * that count, never one more. Her attachment adds only a person fact (unique beneficiaries).
 * Reads the current shapes: the report's store registers PROTECTION_UPCASTERS (ADR 21).
 */
/** "Girls from brothels, average age 16 to 17"; "forced marriage, aged 15 to 30". */
const AGE_BREAKDOWNS = ['form', 'placeOfExploitation'];

export const protectionModule: ReportModule = {
  programme: 'protection',
  // 4: a victim's age (in whole years, ADR 21) is a fact of its own, for the age figures.
  // 5: the ages break down by form of exploitation and kind of place.
  revision: 5,
  categories: [PROTECTION_CASE_CATEGORY],
  handles: [
    'ProtectionCaseOpened',
    'VictimAddedToCase',
    'RescueOperationRecorded',
    'RescuedVictimAttached',
    'VictimIdentificationRecorded',
    'RepatriationStepRecorded',
    'ProtectionCaseClosed',
  ],
  reads(event) {
    const { caseId, operationId } = event.data as { caseId?: string; operationId?: string };
    if (!caseId || event.type === 'ProtectionCaseOpened') return [];
    return event.type === 'RescuedVictimAttached'
      ? [`case:${caseId}`, `rescue:${operationId}`]
      : [`case:${caseId}`];
  },
  factsOf(recorded: RecordedEvent, subjects: SubjectBook): NewFact[] {
    const event = recorded as unknown as ProtectionCaseEvent;
    switch (event.type) {
      case 'ProtectionCaseOpened': {
        const { caseId, country, abroad, destination, formOfExploitation, openedOn } = event.data;
        const theCase: SubjectAttributes = {
          country,
          abroad,
          intercepted: event.data.intercepted === true,
          destination,
          form: formOfExploitation,
          placeOfExploitation: event.data.placeOfExploitation ?? null,
        };
        subjects.set(`case:${caseId}`, theCase);
        return [
          {
            kind: 'caseOpened',
            country,
            occurredOn: openedOn,
            subjectId: caseId,
            attributes: { form: formOfExploitation, place: placeOf(theCase) },
          },
        ];
      }
      case 'VictimAddedToCase': {
        const theCase = subjects.get(`case:${event.data.caseId}`);
        if (!theCase) return [];
        const { beneficiaryId, formOfExploitation, minor, nationality, sex, ageYears, addedOn } =
          event.data;
        const country = String(theCase.country);
        const age: NewFact[] =
          typeof ageYears === 'number'
            ? [
                {
                  kind: 'protectedAge',
                  country,
                  occurredOn: addedOn,
                  subjectId: beneficiaryId,
                  quantity: ageYears,
                  attributes: {
                    form: formOfExploitation,
                    placeOfExploitation: placeOfExploitationOf(theCase),
                  },
                },
              ]
            : [];
        return [
          ...age,
          {
            kind: 'personProtected',
            country,
            occurredOn: addedOn,
            subjectId: beneficiaryId,
            person: true,
            attributes: {
              nationality: known(nationality),
              ageGroup: minor ? 'MINOR' : 'ADULT',
              sex: known(sex),
              form: formOfExploitation,
              place: placeOf(theCase),
              destination: destinationOf(theCase),
              placeOfExploitation: placeOfExploitationOf(theCase),
            },
          },
        ];
      }
      case 'RescueOperationRecorded': {
        const country = caseCountry(subjects, event.data.caseId);
        if (!country) return [];
        const { operationId, date, personsRescued, rescuedBeneficiaryIds } = event.data;
        // Her later attachment is dated by the rescue, not by when she was registered.
        subjects.set(`rescue:${operationId}`, { date });
        return [
          {
            kind: 'rescue',
            country,
            occurredOn: date,
            subjectId: operationId,
            quantity: personsRescued,
          },
          ...rescuedBeneficiaryIds.map((beneficiaryId) =>
            personRescued(country, date, beneficiaryId),
          ),
        ];
      }
      case 'RescuedVictimAttached': {
        const country = caseCountry(subjects, event.data.caseId);
        const rescue = subjects.get(`rescue:${event.data.operationId}`);
        if (!country || !rescue) return [];
        return [personRescued(country, String(rescue.date), event.data.beneficiaryId)];
      }
      case 'VictimIdentificationRecorded': {
        const country = caseCountry(subjects, event.data.caseId);
        if (!country) return [];
        return [
          {
            kind: 'identification',
            country,
            occurredOn: event.data.date,
            subjectId: event.data.beneficiaryId,
            person: true,
            attributes: { outcome: event.data.outcome },
          },
        ];
      }
      case 'RepatriationStepRecorded': {
        const country = caseCountry(subjects, event.data.caseId);
        // A return is complete when she is received at home.
        if (!country || event.data.step !== 'RECEPTION') return [];
        return [
          {
            kind: 'returnCompleted',
            country,
            occurredOn: event.data.date,
            subjectId: event.data.beneficiaryId,
            person: true,
          },
        ];
      }
      case 'ProtectionCaseClosed': {
        const country = caseCountry(subjects, event.data.caseId);
        if (!country) return [];
        return [
          {
            kind: 'caseClosed',
            country,
            occurredOn: event.data.closedOn,
            subjectId: event.data.caseId,
            attributes: { reason: event.data.reason },
          },
        ];
      }
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'personsProtected',
      kind: 'personProtected',
      measure: 'subjects',
      rollup: true,
      breakdowns: [
        'nationality',
        'ageGroup',
        'form',
        'place',
        'destination',
        'placeOfExploitation',
      ],
      crossings: [
        ['nationality', 'ageGroup'],
        ['place', 'ageGroup'],
        ['placeOfExploitation', 'ageGroup'],
      ],
    },
    // Ages of the victims whose age is known ("aged 15 to 30", "our youngest case is 5").
    { name: 'averageAge', kind: 'protectedAge', measure: 'average', breakdowns: AGE_BREAKDOWNS },
    { name: 'youngestAge', kind: 'protectedAge', measure: 'minimum', breakdowns: AGE_BREAKDOWNS },
    { name: 'oldestAge', kind: 'protectedAge', measure: 'maximum', breakdowns: AGE_BREAKDOWNS },
    { name: 'casesOpened', kind: 'caseOpened', measure: 'subjects' },
    { name: 'casesClosed', kind: 'caseClosed', measure: 'subjects' },
    { name: 'rescues', kind: 'rescue', measure: 'subjects' },
    // The rescues' counts: registered or not yet, each person once.
    { name: 'personsRescued', kind: 'rescue', measure: 'sum' },
    {
      name: 'identifications',
      kind: 'identification',
      measure: 'subjects',
      breakdowns: ['outcome'],
    },
    { name: 'returnsCompleted', kind: 'returnCompleted', measure: 'subjects' },
  ],
};

/**
 * A named rescued victim: counted among unique beneficiaries, not in personsRescued (the
 * rescue's count already holds her).
 */
function personRescued(country: string, date: string, beneficiaryId: string): NewFact {
  return {
    kind: 'personRescued',
    country,
    occurredOn: date,
    subjectId: beneficiaryId,
    person: true,
  };
}

// A case kept before interceptions were recorded has no `intercepted`: it was none.

/** Where the victims were protected: in the country, abroad, or in transit (intercepted). */
function placeOf(theCase: SubjectAttributes): string {
  if (theCase.intercepted === true) return 'IN_TRANSIT';
  return theCase.abroad ? 'ABROAD' : 'IN_COUNTRY';
}

/** The country abroad, or where intercepted victims were being taken; IN_COUNTRY otherwise. */
function destinationOf(theCase: SubjectAttributes): string {
  return theCase.abroad || theCase.intercepted === true ? known(theCase.destination) : 'IN_COUNTRY';
}

/** An interception has no place of exploitation: it counts as in transit, apart from unknowns. */
function placeOfExploitationOf(theCase: SubjectAttributes): string {
  return theCase.intercepted === true ? 'IN_TRANSIT' : known(theCase.placeOfExploitation);
}

function caseCountry(subjects: SubjectBook, caseId: string): string | undefined {
  const theCase = subjects.get(`case:${caseId}`);
  return theCase ? String(theCase.country) : undefined;
}
