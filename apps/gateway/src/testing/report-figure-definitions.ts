// The report's figures as the end-to-end test defines them, apart from the report's own modules:
// what each counts (facts, distinct subjects, a sum, an age), in the year or up to its end, and
// by what. `report-expectations.ts` works out each figure's lines from them.

export interface FigureDefinition {
  programme: string;
  name: string;
  kind: string;
  /** An average counts each subject once, at her smallest quantity. */
  measure: 'facts' | 'subjects' | 'sum' | 'average' | 'minimum' | 'maximum';
  breakdowns?: readonly string[];
  /** Pairs of breakdowns counted together: a line per pair of values, `a × b`. */
  crossings?: ReadonlyArray<readonly [string, string]>;
  /**
   * `openInYear`: a subject's states (attribute `state`, OPEN or CLOSED); it counts when its
   * latest state by the year's end is OPEN, or CLOSED in the year.
   */
  period?: 'year' | 'untilYearEnd' | 'openInYear';
  /** Under `openInYear`: this breakdown is NEW when opened that year (`openedYear`), else ONGOING. */
  newOrOngoing?: string;
  latest?: boolean;
}

const LEGAL_FIGURES: FigureDefinition[] = [
  {
    programme: 'legal',
    name: 'casesActive',
    kind: 'caseState',
    measure: 'subjects',
    breakdowns: ['status', 'kind'],
    newOrOngoing: 'status',
    period: 'openInYear',
    latest: true,
  },
  {
    programme: 'legal',
    name: 'beneficiaries',
    kind: 'beneficiary',
    measure: 'subjects',
    breakdowns: ['sex', 'ageGroup', 'nationality', 'caseKind', 'exploitedIn'],
    crossings: [
      ['sex', 'ageGroup'],
      ['nationality', 'ageGroup'],
      ['nationality', 'caseKind'],
      ['nationality', 'exploitedIn'],
    ],
  },
  {
    programme: 'legal',
    name: 'serviceOccasions',
    kind: 'serviceOccasion',
    measure: 'facts',
    breakdowns: ['kind'],
  },
  {
    programme: 'legal',
    name: 'casesServed',
    kind: 'caseServed',
    measure: 'subjects',
    breakdowns: ['kind'],
  },
  ...(['Claimed', 'Approved', 'Paid'] as const).flatMap((stage): FigureDefinition[] => [
    {
      programme: 'legal',
      name: `compensation${stage}`,
      kind: `compensation${stage}Amount`,
      measure: 'sum',
      breakdowns: ['source', 'currency'],
    },
    {
      programme: 'legal',
      name: `compensation${stage}Cases`,
      kind: `compensation${stage}Case`,
      measure: 'subjects',
      breakdowns: ['source', 'caseKind'],
    },
    {
      programme: 'legal',
      name: `compensation${stage}Beneficiaries`,
      kind: `compensation${stage}Beneficiary`,
      measure: 'subjects',
      breakdowns: ['source', 'caseKind', 'nationality'],
    },
  ]),
  {
    programme: 'legal',
    name: 'offenders',
    kind: 'offender',
    measure: 'subjects',
    breakdowns: ['kind', 'status'],
    period: 'openInYear',
    latest: true,
  },
  {
    programme: 'legal',
    name: 'verdicts',
    kind: 'verdict',
    measure: 'facts',
    breakdowns: ['outcome'],
  },
  {
    programme: 'legal',
    name: 'advocacyActions',
    kind: 'advocacyAction',
    measure: 'subjects',
    breakdowns: ['kind'],
  },
  {
    programme: 'legal',
    name: 'advocacyOutcomes',
    kind: 'advocacyOutcome',
    measure: 'subjects',
    breakdowns: ['outcome', 'kind'],
    latest: true,
  },
];

const RELIEF_FIGURES: FigureDefinition[] = [
  {
    programme: 'relief',
    name: 'recipients',
    kind: 'recipient',
    measure: 'subjects',
    breakdowns: ['distribution', 'recipientKind', 'reason'],
    crossings: [['distribution', 'reason']],
  },
  {
    programme: 'relief',
    name: 'reliefAmounts',
    kind: 'reliefAmount',
    measure: 'sum',
    breakdowns: ['distribution', 'currency'],
  },
  {
    programme: 'relief',
    name: 'potentialVictimsDetected',
    kind: 'potentialVictimDetected',
    measure: 'subjects',
    breakdowns: ['form', 'ageGroup', 'sex', 'destination'],
    crossings: [['form', 'destination']],
  },
  {
    programme: 'relief',
    name: 'potentialVictimsNotified',
    kind: 'detectionNotified',
    measure: 'subjects',
    breakdowns: ['form', 'ageGroup'],
  },
  {
    programme: 'relief',
    name: 'fieldWorkers',
    kind: 'fieldWorker',
    measure: 'subjects',
    breakdowns: ['kind', 'task'],
  },
  {
    programme: 'relief',
    name: 'peopleAtRisk',
    kind: 'personAtRisk',
    measure: 'subjects',
    breakdowns: ['reason', 'sex'],
  },
  {
    programme: 'relief',
    name: 'migratedFamilies',
    kind: 'migratedFamilies',
    measure: 'sum',
    breakdowns: ['destination'],
  },
];

/**
 * The figures of the programmes that have landed, as issue 20 defines them: what is counted
 * (facts, distinct subjects, or a sum), in the year or up to its end, and by what.
 */
export const FIGURES: readonly FigureDefinition[] = [
  {
    programme: 'networks',
    name: 'caseNotifications',
    kind: 'notification',
    measure: 'facts',
    breakdowns: ['source', 'form', 'placeOfExploitation', 'destination', 'nationality', 'activity'],
    crossings: [
      ['source', 'form'],
      ['source', 'placeOfExploitation'],
      ['activity', 'form'],
    ],
  },
  {
    programme: 'networks',
    name: 'caseNotificationOutcomes',
    kind: 'notificationOutcome',
    measure: 'facts',
    breakdowns: ['outcome'],
    latest: true,
  },
  {
    programme: 'networks',
    name: 'watchdogsActive',
    kind: 'watchdog',
    measure: 'facts',
    breakdowns: ['kind', 'region', 'residence'],
    crossings: [
      ['kind', 'region'],
      ['kind', 'residence'],
    ],
    period: 'untilYearEnd',
  },
  {
    programme: 'networks',
    name: 'watchdogsNew',
    kind: 'watchdog',
    measure: 'facts',
    breakdowns: ['kind', 'region', 'residence'],
    crossings: [
      ['kind', 'region'],
      ['kind', 'residence'],
    ],
  },
  {
    programme: 'networks',
    name: 'watchdogCountriesNew',
    kind: 'watchdogCountry',
    measure: 'subjects',
    breakdowns: ['kind'],
  },
  {
    programme: 'networks',
    name: 'watchdogCommunitiesNew',
    kind: 'watchdogCommunity',
    measure: 'subjects',
    breakdowns: ['kind', 'residence'],
  },
  {
    programme: 'networks',
    name: 'networkMembersActive',
    kind: 'networkMember',
    measure: 'facts',
    breakdowns: ['kind', 'region'],
    period: 'untilYearEnd',
  },
  {
    programme: 'networks',
    name: 'networkMembersNew',
    kind: 'networkMember',
    measure: 'facts',
    breakdowns: ['kind'],
  },
  {
    programme: 'networks',
    name: 'notifiers',
    kind: 'notifier',
    measure: 'subjects',
    breakdowns: ['source'],
  },
  {
    programme: 'networks',
    name: 'trainingSessions',
    kind: 'trainingSession',
    measure: 'facts',
    breakdowns: ['topic'],
  },
  { programme: 'networks', name: 'trainingPlaces', kind: 'trainingPlace', measure: 'subjects' },
  {
    programme: 'networks',
    name: 'trainingParticipants',
    kind: 'trainingParticipants',
    measure: 'sum',
    breakdowns: ['sex', 'role', 'topic'],
    crossings: [['sex', 'role']],
  },
  {
    programme: 'networks',
    name: 'campaignReach',
    kind: 'campaignReach',
    measure: 'sum',
    breakdowns: ['topic'],
  },
  {
    programme: 'networks',
    name: 'trainingInstitutions',
    kind: 'trainingInstitutions',
    measure: 'sum',
    breakdowns: ['topic'],
  },
  {
    programme: 'networks',
    name: 'networkActivities',
    kind: 'networkActivity',
    measure: 'facts',
    breakdowns: ['kind', 'topic'],
  },
  {
    programme: 'networks',
    name: 'networkActivityParticipants',
    kind: 'networkActivityParticipants',
    measure: 'sum',
    breakdowns: ['kind', 'role', 'sex'],
  },
  {
    programme: 'protection',
    name: 'personsProtected',
    kind: 'personProtected',
    measure: 'subjects',
    breakdowns: ['nationality', 'ageGroup', 'form', 'place', 'destination', 'placeOfExploitation'],
    crossings: [
      ['nationality', 'ageGroup'],
      ['place', 'ageGroup'],
      ['placeOfExploitation', 'ageGroup'],
    ],
  },
  {
    programme: 'protection',
    name: 'averageAge',
    kind: 'protectedAge',
    measure: 'average',
    breakdowns: ['form', 'placeOfExploitation'],
  },
  {
    programme: 'protection',
    name: 'youngestAge',
    kind: 'protectedAge',
    measure: 'minimum',
    breakdowns: ['form', 'placeOfExploitation'],
  },
  {
    programme: 'protection',
    name: 'oldestAge',
    kind: 'protectedAge',
    measure: 'maximum',
    breakdowns: ['form', 'placeOfExploitation'],
  },
  { programme: 'protection', name: 'casesOpened', kind: 'caseOpened', measure: 'subjects' },
  { programme: 'protection', name: 'casesClosed', kind: 'caseClosed', measure: 'subjects' },
  { programme: 'protection', name: 'rescues', kind: 'rescue', measure: 'subjects' },
  { programme: 'protection', name: 'personsRescued', kind: 'rescue', measure: 'sum' },
  {
    programme: 'protection',
    name: 'identifications',
    kind: 'identification',
    measure: 'subjects',
    breakdowns: ['outcome'],
  },
  {
    programme: 'protection',
    name: 'returnsCompleted',
    kind: 'returnCompleted',
    measure: 'subjects',
  },
  {
    programme: 'empowerment',
    name: 'beneficiariesServed',
    kind: 'served',
    measure: 'subjects',
    breakdowns: ['setting', 'serviceKind', 'nationality', 'ageGroup'],
    crossings: [
      ['setting', 'nationality'],
      ['serviceKind', 'ageGroup'],
    ],
  },
  {
    programme: 'empowerment',
    name: 'averageAge',
    kind: 'servedAge',
    measure: 'average',
    breakdowns: ['setting'],
  },
  {
    programme: 'empowerment',
    name: 'youngestAge',
    kind: 'servedAge',
    measure: 'minimum',
    breakdowns: ['setting'],
  },
  {
    programme: 'empowerment',
    name: 'followUps',
    kind: 'followUp',
    measure: 'facts',
    breakdowns: ['mode', 'reached'],
  },
  {
    programme: 'empowerment',
    name: 'grants',
    kind: 'grant',
    measure: 'subjects',
    breakdowns: ['purpose'],
  },
  {
    programme: 'empowerment',
    name: 'grantBeneficiaries',
    kind: 'grantBeneficiary',
    measure: 'subjects',
    breakdowns: ['purpose'],
  },
  {
    programme: 'empowerment',
    name: 'grantAmounts',
    kind: 'grantAmount',
    measure: 'sum',
    breakdowns: ['currency'],
  },
  { programme: 'empowerment', name: 'tuitionSupported', kind: 'tuition', measure: 'subjects' },
  {
    programme: 'empowerment',
    name: 'careerAlternativesSupported',
    kind: 'careerSupport',
    measure: 'subjects',
    breakdowns: ['support'],
  },
  {
    programme: 'empowerment',
    name: 'agentsOfChangeTrained',
    kind: 'agentOfChangeTrained',
    measure: 'subjects',
  },
  {
    programme: 'empowerment',
    name: 'sheltersServed',
    kind: 'shelter',
    measure: 'subjects',
    breakdowns: ['operator'],
  },
  ...LEGAL_FIGURES,
  ...RELIEF_FIGURES,
];
