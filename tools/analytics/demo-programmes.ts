// The empowerment, legal and relief part of the analysts' demo-like run (demo-feed.int-spec.ts):
// the events those services append for the demo's victims, with the places, institutions, aliases
// and sealed values their demo seeds use (tools/seed), so that the scan of every message covers
// their topics too. Each personal string and Haven id is noted in the ledger the scan searches for.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@haven/platform/event-store';
import { COLLEGES, EMPLOYERS, PROVINCES, SHELTERS } from '../seed/empowerment-demo';
import { ALIASES, DISTRICTS } from '../seed/relief-demo';

export interface DemoVictim {
  id: string;
  country: 'TH' | 'LA' | 'MM';
  minor: boolean;
  /** The day of her case (YYYY-MM-DD) and the province it names. */
  on: string;
  province: string;
}

export interface DemoLedger {
  /** An event with the demo's metadata (its actor, organisation and correlation noted as ids). */
  event(type: string, data: Record<string, unknown>, at: string): NewEvent;
  /** A value sealed with its subject's key, noted as personal. */
  sealed(subject: string, field: string, value: string): string;
  personal: Set<string>;
  ids: Set<string>;
}

const CURRENCY = { TH: 'THB', LA: 'LAK', MM: 'MMK' } as const;
const NATIONALITY = { TH: 'TH', LA: 'LA', MM: 'MM' } as const;
// Legal's demo cases name the court and province (tools/seed/legal-demo.ts).
const COURTS = {
  TH: 'Rayong Provincial Court',
  LA: 'Vientiane Capital People’s Court',
  MM: 'Chiang Mai Juvenile and Family Court',
} as const;
const EVIDENCE = 'Date of birth altered to show 19 years of age';

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Streams to append, in order: each victim's enrolment, a legal case per case, a relief response per country. */
export function demoProgrammeStreams(
  victims: readonly DemoVictim[],
  ledger: DemoLedger,
): Array<[string, NewEvent[]]> {
  const id = () => {
    const made = randomUUID();
    ledger.ids.add(made);
    return made;
  };
  const staff = () => {
    const user = `user-${randomUUID()}`;
    ledger.ids.add(user);
    return user;
  };
  const streams: Array<[string, NewEvent[]]> = [];
  for (const [index, victim] of victims.entries()) {
    streams.push(enrolment(victim, index, ledger, id, staff));
    if (index % 3 === 0) streams.push(legalCase(victim, ledger, id));
  }
  const advocacy = id();
  ledger.personal.add('Minimum age of marriage in the Civil Code');
  streams.push([
    `legaladvocacy-${advocacy}`,
    [
      ledger.event(
        'AdvocacyActionRecorded',
        {
          actionId: advocacy,
          kind: 'PETITION',
          country: 'LA',
          subject: 'Minimum age of marriage in the Civil Code',
          partnerOrganisationIds: [id(), id()],
          outcome: 'PENDING',
          on: '2025-03-08',
        },
        '2025-03-08T10:00:00.000Z',
      ),
      ledger.event(
        'AdvocacyOutcomeRecorded',
        { actionId: advocacy, country: 'LA', outcome: 'ACHIEVED', on: '2025-10-10' },
        '2025-10-10T10:00:00.000Z',
      ),
    ],
  ]);
  for (const country of ['TH', 'LA', 'MM'] as const) {
    streams.push(
      reliefResponse(
        country,
        victims.filter((victim) => victim.country === country),
        ledger,
        id,
        staff,
      ),
    );
  }
  return streams;
}

function enrolment(
  victim: DemoVictim,
  index: number,
  ledger: DemoLedger,
  id: () => string,
  staff: () => string,
): [string, NewEvent[]] {
  const { country, on } = victim;
  const enrolmentId = id();
  const at = `${on}T08:15:00.000Z`;
  const of = { enrolmentId, beneficiaryId: victim.id, country };
  const stats = { nationality: NATIONALITY[country], ageYears: victim.minor ? 16 : 23 };
  const home = PROVINCES[country][index % 3];
  const employer = EMPLOYERS[country];
  const college = COLLEGES[country];
  ledger.personal.add(SHELTERS[country]).add(home).add(employer.name).add(employer.occupation);
  ledger.personal.add(college);
  const service = (kind: string, details: Record<string, unknown>) =>
    ledger.event(
      'EmpowermentServiceRecorded',
      {
        ...of,
        ...stats,
        serviceId: id(),
        kind,
        mode: null,
        activity: null,
        outcome: null,
        partnerOrganisationId: null,
        occupation: null,
        institution: null,
        period: null,
        amount: null,
        sealedPlace: null,
        minor: victim.minor,
        providedOn: on,
        providedBy: staff(),
        ...details,
      },
      at,
    );
  const grantId = id();
  const grant = { amountMinor: 500_000, currency: CURRENCY[country] };
  const events: NewEvent[] = [
    ledger.event(
      'BeneficiaryEnrolled',
      {
        ...of,
        ...stats,
        sex: 'FEMALE',
        minor: victim.minor,
        setting: {
          kind: 'SHELTER',
          shelterName: SHELTERS[country],
          governmentRun: true,
          province: null,
          district: null,
        },
        enrolledOn: on,
      },
      at,
    ),
    service('COUNSELLING', { mode: 'INDIVIDUAL', outcome: 'COMPLETED' }),
    // Internal to empowerment: the counsellor's note, sealed. Not in the contract: never sent.
    ledger.event(
      'CounsellingNoteAdded',
      {
        enrolmentId,
        text: ledger.sealed(victim.id, 'counsellingNote', `She spoke of her sister ${index}`),
      },
      at,
    ),
    ledger.event(
      'EnrolmentSettingChanged',
      {
        ...of,
        setting: {
          kind: 'COMMUNITY',
          shelterName: null,
          governmentRun: null,
          province: home,
          district: `${home} district`,
        },
        changedOn: plusDays(on, 90),
      },
      at,
    ),
    ledger.event(
      'ReintegrationPlanAgreed',
      {
        ...of,
        goals: ['EDUCATION', 'EMPLOYMENT'],
        followUpRhythm: 'MONTHLY',
        reviewDates: [plusDays(on, 180)],
        agreedOn: plusDays(on, 91),
      },
      at,
    ),
    service('TUITION_FEES', {
      institution: college,
      period: { from: plusDays(on, 92), to: plusDays(on, 200) },
      amount: { amountMinor: 1_250_000, currency: CURRENCY[country] },
    }),
    service('JOB_PLACEMENT', {
      partnerOrganisationId: id(),
      occupation: employer.occupation,
      outcome: 'COMPLETED',
    }),
    service('SAFE_ACCOMMODATION', {
      period: { from: on, to: plusDays(on, 30) },
      sealedPlace: ledger.sealed(victim.id, 'accommodationPlace', `${home} safe house ${index}`),
    }),
    ledger.event(
      'FollowUpRecorded',
      {
        ...of,
        ...stats,
        minor: victim.minor,
        followUpId: id(),
        channel: 'PHONE',
        reached: index % 4 !== 0,
        followedUpOn: plusDays(on, 120),
        nextFollowUpOn: plusDays(on, 150),
        providedBy: staff(),
      },
      at,
    ),
    ledger.event(
      'SmallGrantApproved',
      { ...of, grantId, purpose: 'LIVESTOCK', amount: grant, approvedOn: plusDays(on, 121) },
      at,
    ),
    ledger.event(
      'SmallGrantDisbursed',
      { ...of, grantId, amount: grant, disbursedOn: plusDays(on, 122) },
      at,
    ),
    ledger.event(
      'AgentOfChangeTrainingCompleted',
      { ...of, ...stats, sex: 'FEMALE', minor: victim.minor, completedOn: plusDays(on, 130) },
      at,
    ),
    ledger.event(
      'EnrolmentClosed',
      { ...of, reason: 'GOALS_REACHED', closedOn: plusDays(on, 300) },
      at,
    ),
  ];
  return [`empowermentenrolment-${enrolmentId}`, events];
}

function legalCase(victim: DemoVictim, ledger: DemoLedger, id: () => string): [string, NewEvent[]] {
  const { country, on } = victim;
  const caseId = id();
  const offenderId = id();
  const claimId = id();
  const at = `${on}T09:00:00.000Z`;
  const beneficiaryIds = [victim.id];
  const offenderName = `Somchai Broker-${caseId.slice(0, 4)}`;
  ledger.personal.add(COURTS[country]).add(victim.province).add(EVIDENCE).add(offenderName);
  const money = { amountMinor: 3_000_000, currency: CURRENCY[country] };
  const events: NewEvent[] = [
    ledger.event(
      'LegalCaseOpened',
      {
        caseId,
        kind: 'SEX_TRAFFICKING',
        country,
        province: victim.province,
        court: COURTS[country],
        sourceProtectionCaseId: null,
        stage: 'INVESTIGATION',
        openedOn: on,
        beneficiaryIds,
      },
      at,
    ),
    ledger.event(
      'LegalCaseBeneficiaryJoined',
      {
        caseId,
        beneficiaryId: victim.id,
        role: 'VICTIM',
        country,
        sex: 'FEMALE',
        minor: victim.minor,
        joinedOn: on,
      },
      at,
    ),
    // Internal to legal: the offender's identity and the document's content, sealed.
    ledger.event(
      'OffenderAdded',
      {
        caseId,
        offenderId,
        identity: ledger.sealed(offenderId, 'offenderName', offenderName),
      },
      at,
    ),
    ledger.event(
      'OffenderStatusChanged',
      {
        caseId,
        offenderId,
        country,
        beneficiaryIds,
        offenderKind: 'ADULT_MALE',
        nationality: country,
        from: null,
        to: 'IN_CUSTODY',
        on,
      },
      at,
    ),
    ledger.event(
      'EvidenceVerified',
      {
        caseId,
        documentId: id(),
        beneficiaryId: victim.id,
        country,
        documentKind: 'PASSPORT',
        issuingCountry: 'LA',
        verifiedBy: 'EMBASSY',
        finding: 'FALSIFIED',
        on: plusDays(on, 5),
      },
      at,
    ),
    ledger.event(
      'EvidenceDocumentRecorded',
      { caseId, content: ledger.sealed(victim.id, 'evidence', EVIDENCE) },
      at,
    ),
    ledger.event(
      'LegalServiceOccasionRecorded',
      {
        caseId,
        occasionId: id(),
        country,
        kind: 'ATTENDING_HEARING',
        beneficiaryIds,
        on: plusDays(on, 30),
      },
      at,
    ),
    ledger.event(
      'LegalCaseStageChanged',
      { caseId, country, beneficiaryIds, from: 'INVESTIGATION', to: 'TRIAL', on: plusDays(on, 31) },
      at,
    ),
    ledger.event(
      'VerdictRecorded',
      {
        caseId,
        offenderId,
        country,
        beneficiaryIds,
        outcome: 'CONVICTED',
        pronounced: { termYears: 12, termMonths: 0, fine: money },
        final: { termYears: 8, termMonths: 0, fine: null },
        on: plusDays(on, 60),
      },
      at,
    ),
    ledger.event(
      'VerdictAppealed',
      { caseId, offenderId, country, beneficiaryIds, on: plusDays(on, 70) },
      at,
    ),
    ...(
      [
        ['CompensationClaimed', 'claimed'],
        ['CompensationApproved', 'approved'],
        ['CompensationPaymentReceived', 'amount'],
      ] as const
    ).map(([type, field], step) =>
      ledger.event(
        type,
        {
          caseId,
          claimId,
          ...(type === 'CompensationPaymentReceived' ? { paymentId: id() } : {}),
          beneficiaryId: victim.id,
          country,
          source: 'STATE_FUND',
          [field]: money,
          on: plusDays(on, 80 + step),
        },
        at,
      ),
    ),
    ledger.event('LegalCaseClosed', { caseId, country, beneficiaryIds, on: plusDays(on, 90) }, at),
    ledger.event(
      'LegalCaseReopened',
      { caseId, country, beneficiaryIds, stage: 'APPEAL', on: plusDays(on, 95) },
      at,
    ),
  ];
  return [`legalcase-${caseId}`, events];
}

function reliefResponse(
  country: 'TH' | 'LA' | 'MM',
  victims: readonly DemoVictim[],
  ledger: DemoLedger,
  id: () => string,
  staff: () => string,
): [string, NewEvent[]] {
  const responseId = id();
  const on = '2025-06-01';
  const at = `${on}T07:00:00.000Z`;
  const fieldWork = () => ({ fieldWorkerKind: 'AGENT_OF_CHANGE', fieldWorkerId: staff() });
  DISTRICTS[country].forEach((district) => ledger.personal.add(district));
  const events: NewEvent[] = [];
  for (const [index, alias] of ALIASES[country].entries()) {
    const recipientId = id();
    ledger.personal.add(alias);
    // Internal to relief: the recipient and her alias, sealed with her own key.
    events.push(
      ledger.event(
        'ReliefRecipientRegistered',
        { responseId, recipientId, alias: ledger.sealed(recipientId, 'alias', alias) },
        at,
      ),
      ledger.event(
        'ReliefDistributed',
        {
          responseId,
          distributionId: id(),
          country,
          kind: index % 2 ? 'NECESSITY_BAG' : 'MICRO_PROJECT_GRANT',
          recipientKind: 'RELIEF_RECIPIENT',
          beneficiaryId: index === 0 ? (victims[0]?.id ?? null) : null,
          recipientId,
          amountMinor: index % 2 ? null : 350_000,
          currency: index % 2 ? null : CURRENCY[country],
          ...fieldWork(),
          distributedOn: on,
        },
        at,
      ),
    );
  }
  for (const victim of victims.slice(0, 5)) {
    events.push(
      ledger.event(
        'ReliefDistributed',
        {
          responseId,
          distributionId: id(),
          country,
          kind: 'GOODS',
          recipientKind: 'BENEFICIARY',
          beneficiaryId: victim.id,
          recipientId: null,
          amountMinor: null,
          currency: null,
          ...fieldWork(),
          distributedOn: on,
        },
        at,
      ),
    );
  }
  const [first, second, third] = DISTRICTS[country];
  const detectionId = id();
  const notificationId = randomUUID();
  ledger.ids.add(notificationId);
  // Not personal, but finer than the day the contract publishes: it must not leave either.
  ledger.personal.add('11:42:13');
  events.push(
    ledger.event(
      'ReliefDetectionNotified',
      {
        responseId,
        detectionId,
        notificationId,
        country,
        province: first,
        formOfExploitation: 'SEX_TRAFFICKING',
        sex: 'FEMALE',
        minor: true,
        notifiedAt: `${on}T11:42:13.377Z`,
      },
      at,
    ),
    ledger.event(
      'PersonAtRiskRecorded',
      {
        responseId,
        country,
        entryId: id(),
        reason: 'SINGLE_MOTHER',
        sex: 'FEMALE',
        ageBand: '25_39',
        district: second,
        foundOn: on,
        ...fieldWork(),
      },
      at,
    ),
    ledger.event(
      'MigratedFamiliesRecorded',
      {
        responseId,
        country,
        entryId: id(),
        families: 4,
        destination: 'MY',
        district: third,
        recordedOn: on,
        ...fieldWork(),
      },
      at,
    ),
  );
  return [`reliefresponse-${responseId}`, events];
}
