// A realistic data set for the report benchmark: the programmes' integration events over five
// years, in the alliance's proportions (2020's annual report) scaled up, appended through the
// event store as the services append them (one append per stream and command).
import { randomUUID } from 'node:crypto';
import type { NewEvent, PostgresEventStore } from '@haven/platform/event-store';
import { country, day, event, NATIONALITIES, pick, random, YEARS } from './generator';
import { EVENTS_PER_LEGAL_CASE, LEGAL_CASE_SHARE, legalCase } from './legal-data';
import { EVENTS_PER_RELIEF_DAY, RELIEF_DAY_SHARE, reliefDay } from './relief-data';

const FORMS = ['SEX_TRAFFICKING', 'FORCED_MARRIAGE', 'ONLINE_SEXUAL_EXPLOITATION', 'SEXUAL_ABUSE'];
const SOURCES = ['WATCHDOG', 'AGENT_OF_CHANGE', 'WOMENS_GROUP', 'PARTNER', 'TRAINEE', 'STAFF'];
const SERVICES = [
  'REHABILITATION',
  'COUNSELLING',
  'CAREER_ORIENTATION',
  'JOB_PLACEMENT',
  'TUITION_FEES',
];

/**
 * Events in one unit of activity (a case, two victims, three notifications, two enrolments…), on
 * average: legal cases and relief come with some units only.
 */
export const EVENTS_PER_UNIT =
  57 + LEGAL_CASE_SHARE * EVENTS_PER_LEGAL_CASE + RELIEF_DAY_SHARE * EVENTS_PER_RELIEF_DAY;

let beneficiaries = 0;

/** The streams of one unit: [streamId, events] in the order they are appended. */
export function unit(): Array<[string, NewEvent[], ('no_stream' | 'any')?]> {
  const year = pick(YEARS);
  const where = country();
  const on = day(year);
  const streams: Array<[string, NewEvent[], ('no_stream' | 'any')?]> = [];
  const victims = [randomUUID(), randomUUID()];
  for (const id of victims) {
    streams.push([
      `beneficiary-${id}`,
      [
        event(
          'BeneficiaryRegistered',
          {
            beneficiaryId: id,
            referenceCode: `BEN-${where}-${String(++beneficiaries).padStart(7, '0')}`,
            country: where,
            sex: 'FEMALE',
            minor: random() < 0.4,
            nationality: pick(NATIONALITIES),
            ageYears: 12 + Math.floor(random() * 20),
            registeredAt: `${on}T09:00:00.000Z`,
          },
          on,
          2,
        ),
      ],
    ]);
  }
  const caseId = randomUUID();
  const abroad = random() < 0.3;
  const form = pick(FORMS);
  const caseEvents = [
    event(
      'ProtectionCaseOpened',
      {
        caseId,
        country: where,
        province: null,
        abroad,
        destination: abroad ? pick(['AE', 'CN', 'MY', 'BE']) : null,
        formOfExploitation: form,
        sourceNotificationId: null,
        openedOn: on,
        openedAt: `${on}T10:00:00.000Z`,
      },
      on,
      2,
    ),
  ];
  for (const id of victims) {
    caseEvents.push(
      event(
        'VictimAddedToCase',
        {
          caseId,
          beneficiaryId: id,
          formOfExploitation: form,
          minor: random() < 0.4,
          sex: 'FEMALE',
          nationality: pick(NATIONALITIES),
          ageYears: 12 + Math.floor(random() * 20),
          addedOn: on,
          addedAt: `${on}T10:00:00.000Z`,
        },
        on,
        2,
      ),
    );
  }
  caseEvents.push(
    event(
      'RescueOperationRecorded',
      {
        caseId,
        operationId: randomUUID(),
        date: on,
        place: 'x',
        partnerAgencies: [],
        rescuedBeneficiaryIds: victims,
        recordedAt: `${on}T10:00:00.000Z`,
      },
      on,
    ),
  );
  for (const id of victims) {
    caseEvents.push(
      event(
        'VictimIdentificationRecorded',
        {
          caseId,
          beneficiaryId: id,
          outcome: 'OFFICIALLY_IDENTIFIED',
          date: on,
          authority: null,
          recordedAt: `${on}T10:00:00.000Z`,
        },
        on,
      ),
    );
    for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
      caseEvents.push(
        event(
          'RepatriationStepRecorded',
          { caseId, beneficiaryId: id, step, date: on, recordedAt: `${on}T10:00:00.000Z` },
          on,
        ),
      );
    }
  }
  caseEvents.push(
    event(
      'ProtectionCaseClosed',
      { caseId, reason: 'VICTIMS_RETURNED', closedOn: on, closedAt: `${on}T10:00:00.000Z` },
      on,
      2,
    ),
  );
  streams.push([`protectioncase-${caseId}`, caseEvents]);
  streams.push(...legalCase(where, on, victims));
  streams.push(...reliefDay(where, year, victims));
  for (let n = 0; n < 3; n++) {
    const notificationId = randomUUID();
    const at = `${day(year)}T08:00:00.000Z`;
    streams.push([
      `casenotification-${notificationId}`,
      [
        event(
          'CaseNotificationSubmitted',
          {
            notificationId,
            reportedBy: pick(SOURCES),
            reporterReference: null,
            formOfExploitation: pick(FORMS),
            country: country(),
            province: null,
            abroad: false,
            possibleVictims: 1,
            minors: 0,
            submittedAt: at,
          },
          at.slice(0, 10),
        ),
        event('CaseNotificationValidated', { notificationId, validatedAt: at }, at.slice(0, 10)),
        event(
          'CaseNotificationReferred',
          {
            notificationId,
            country: where,
            province: null,
            abroad: false,
            formOfExploitation: form,
            possibleVictims: 1,
            minors: 0,
            reportedBy: 'WATCHDOG',
            referredAt: at,
          },
          at.slice(0, 10),
        ),
      ],
    ]);
  }
  for (const id of victims) {
    const enrolmentId = randomUUID();
    const of = { enrolmentId, beneficiaryId: id, country: where };
    const setting = pick(['SHELTER', 'COMMUNITY']);
    // A few shelters a country, as the alliance works with: the report counts them.
    const shelter =
      setting === 'SHELTER' ? `Shelter ${where}-${enrolmentId.charCodeAt(0) % 3}` : null;
    const events = [
      event(
        'BeneficiaryEnrolled',
        {
          ...of,
          sex: 'FEMALE',
          minor: false,
          setting: {
            kind: setting,
            shelterName: shelter,
            governmentRun: shelter ? true : null,
            province: null,
            district: null,
          },
          enrolledOn: on,
        },
        on,
      ),
    ];
    for (let s = 0; s < 6; s++) {
      events.push(
        event(
          'EmpowermentServiceRecorded',
          {
            ...of,
            serviceId: randomUUID(),
            kind: pick(SERVICES),
            mode: null,
            activity: null,
            outcome: null,
            partnerOrganisationId: null,
            minor: false,
            providedOn: day(year),
            providedBy: 'bench',
          },
          on,
        ),
      );
    }
    for (let f = 0; f < 4; f++) {
      events.push(
        event(
          'FollowUpRecorded',
          {
            ...of,
            followUpId: randomUUID(),
            channel: pick(['IN_PERSON', 'PHONE', 'ONLINE']),
            reached: random() < 0.8,
            followedUpOn: day(year),
            nextFollowUpOn: null,
            providedBy: 'bench',
          },
          on,
        ),
      );
    }
    const grantId = randomUUID();
    const amount = { amountMinor: 500_000 + Math.floor(random() * 1_000_000), currency: 'THB' };
    events.push(
      event(
        'SmallGrantApproved',
        { ...of, grantId, purpose: 'SMALL_BUSINESS', amount, approvedOn: on },
        on,
      ),
    );
    events.push(event('SmallGrantDisbursed', { ...of, grantId, amount, disbursedOn: on }, on));
    events.push(
      event(
        'AgentOfChangeTrainingCompleted',
        { ...of, sex: 'FEMALE', minor: false, completedOn: on },
        on,
      ),
    );
    streams.push([`empowermentenrolment-${enrolmentId}`, events]);
  }
  const watchdogId = randomUUID();
  const watchdogKind = pick(['INDIVIDUAL', 'CSO', 'VOLUNTEER_ABROAD']);
  streams.push([
    `watchdog-${watchdogId}`,
    [
      event(
        'WatchdogRegistered',
        {
          watchdogId,
          kind: watchdogKind,
          country: where,
          province: pick(['Udon Thani', 'Khon Kaen', null]),
          livesIn: watchdogKind === 'VOLUNTEER_ABROAD' ? pick(['BE', 'SE', 'KR', null]) : where,
          joinedOn: on,
          trained: true,
          registeredAt: `${on}T10:00:00.000Z`,
        },
        on,
        2,
      ),
    ],
  ]);
  for (const kind of ['TRAINING', 'CAMPAIGN']) {
    const activityId = randomUUID();
    streams.push([
      `preventionactivity-${activityId}`,
      [
        event(
          'PreventionActivityRecorded',
          {
            activityId,
            kind,
            topic: 'HUMAN_TRAFFICKING',
            date: on,
            country: where,
            province: 'P',
            district: null,
            online: kind === 'CAMPAIGN',
            participants:
              kind === 'TRAINING'
                ? [
                    { sex: 'FEMALE', role: 'STUDENTS', count: 40 },
                    { sex: 'MALE', role: 'STUDENTS', count: 30 },
                  ]
                : null,
            reach: kind === 'CAMPAIGN' ? 5000 : null,
            recordedAt: `${on}T10:00:00.000Z`,
          },
          on,
        ),
      ],
    ]);
  }
  return streams;
}

/** Appends `units` units with `writers` concurrent writers; returns the events appended. */
export async function load(
  store: PostgresEventStore,
  units: number,
  writers: number,
  progress: (line: string) => void,
): Promise<number> {
  let next = 0;
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let u = next++; u < units; u = next++) {
        for (const [streamId, streamEvents, expected] of unit()) {
          await store.append(streamId, streamEvents, expected ?? 'no_stream');
          events += streamEvents.length;
        }
        if (u > 0 && u % 2000 === 0)
          progress(`loaded ${u.toLocaleString('en-US')} of ${units.toLocaleString('en-US')} units`);
      }
    }),
  );
  return events;
}
