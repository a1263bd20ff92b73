// The small fictional year the annual report's end-to-end test records through the gateway, as
// each programme's staff would, and what the test expects of it: every recorded fact is added to
// the test's own list (ExpectedFact) as the report defines it (ADR 19, ADR 21), so that the
// expected figures are worked out from what was recorded, never read from the report's tables.
// Protection here; networks, empowerment, legal and relief each in a file of their own.
import type { ExpectedFact } from './report-expectations';
import { recordEmpowermentYear } from './report-year-empowerment';
import { recordLegalYear } from './report-year-legal';
import { recordNetworksYear, recordNotifications } from './report-year-networks';
import { recordReliefYear } from './report-year-relief';

/** A mutation's answer: the payload under the mutation's name. */
export type Payload = Record<string, Record<string, unknown>>;

export interface MutationOptions {
  /** Whose token (admin by default). */
  as?: string;
  /** The input type, when it is not the mutation's name capitalised followed by `Input`. */
  inputType?: string;
}

/** How the year is recorded: the gateway, with the test's tokens, and the list of facts. */
export interface ReportYearApi {
  readonly facts: ExpectedFact[];
  /** YYYY-MM-DD today: what is dated by the clock (a notification) belongs to it. */
  readonly today: string;
  /** A mutation through the gateway; the test fails on any error. */
  mutate(
    name: string,
    input: Record<string, unknown>,
    select?: string,
    options?: MutationOptions,
  ): Promise<Payload>;
  /** The same, retried until it succeeds: what a service learns from another's log takes a moment. */
  eventually(
    name: string,
    input: Record<string, unknown>,
    select?: string,
    options?: MutationOptions,
  ): Promise<Payload>;
  /** Any operation through the gateway (as admin unless said); the test fails on any error. */
  query<Data>(document: string, variables?: Record<string, unknown>, as?: string): Promise<Data>;
}

/** Whole years from a birth date to a day: her age on the day of a fact. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Protection registers a person (nationality in clear for statistics, her birth date sealed). */
export async function registerPerson(
  api: ReportYearApi,
  person: {
    country: string;
    nationality: string;
    minor: boolean;
    dateOfBirth: string;
    sex?: string;
    registeredOn?: string;
  },
): Promise<string> {
  const { registerBeneficiary } = await api.mutate(
    'registerBeneficiary',
    {
      country: person.country,
      sex: person.sex ?? 'FEMALE',
      minor: person.minor,
      nationalityCode: person.nationality,
      ...(person.registeredOn ? { registeredOn: person.registeredOn } : {}),
      personal: { givenName: 'Fictional', dateOfBirth: person.dateOfBirth },
    },
    'beneficiaryId',
  );
  return String(registerBeneficiary.beneficiaryId);
}

/** Protection records her consent (to services, or to legal action). */
export async function recordConsent(
  api: ReportYearApi,
  beneficiaryId: string,
  kind: 'SERVICES' | 'LEGAL_ACTION',
  recordedOn: string,
): Promise<void> {
  await api.mutate('recordConsent', { beneficiaryId, kind, given: true, recordedOn });
}

/** The people protection registered that the other programmes also work with. */
export interface ProtectedPeople {
  /** A Lao minor, registered in Thailand, rescued on 1 January. */
  laoGirlInThailand: string;
  /** A Lao adult, registered in Laos, taken into a case abroad on 31 December. */
  laoWomanInLaos: string;
}

/**
 * The year across the five programmes: 2025, with facts on 31 December 2024 and 1 January 2026
 * at its edges, cases opened the year before, and what is dated by the clock (today).
 */
export async function recordTheYear(api: ReportYearApi): Promise<void> {
  const networks = await recordNetworksYear(api);
  const people = await recordProtectionYear(api);
  await recordNotifications(api, networks);
  const agentOfChange = await recordEmpowermentYear(api);
  await recordLegalYear(api, people);
  await recordReliefYear(api, people, agentOfChange);
}

async function recordProtectionYear(api: ReportYearApi): Promise<ProtectedPeople> {
  const { facts, mutate } = api;
  // Protection. A beneficiary registered with her nationality (a code, in clear) and birth date,
  // on 1 December 2024: protection keeps her age that day, in clear (ADR 21), and ages it by whole
  // years to the day of each fact.
  const registeredOn = '2024-12-01';
  const births = new Map<string, string>();
  const register = async (
    nationality: string,
    minor: boolean,
    dateOfBirth: string,
    country = 'TH',
  ) => {
    const id = await registerPerson(api, {
      country,
      nationality,
      minor,
      dateOfBirth,
      registeredOn,
    });
    births.set(id, dateOfBirth);
    return id;
  };
  const openCase = async (input: Record<string, unknown>) => {
    const { openProtectionCase } = await mutate('openProtectionCase', input, 'caseId');
    const caseId = String(openProtectionCase.caseId);
    facts.push({
      programme: 'protection',
      kind: 'caseOpened',
      country: String(input.country),
      on: String(input.openedOn),
      subject: caseId,
      attributes: {
        form: String(input.formOfExploitation),
        place: placeOf(input as { abroad: boolean; intercepted?: boolean }),
      },
    });
    return caseId;
  };
  const addVictim = async (
    theCase: ProtectionCaseExpected,
    beneficiaryId: string,
    nationality: string,
    minor: boolean,
    addedOn: string,
  ) => {
    await mutate('addVictimToCase', { caseId: theCase.id, beneficiaryId, minor, addedOn });
    const dateOfBirth = births.get(beneficiaryId)!;
    facts.push({
      programme: 'protection',
      kind: 'protectedAge',
      country: theCase.country,
      on: addedOn,
      subject: beneficiaryId,
      quantity: ageOn(dateOfBirth, registeredOn) + ageOn(registeredOn, addedOn),
      attributes: { form: theCase.form, placeOfExploitation: placeOfExploitationOf(theCase) },
    });
    facts.push({
      programme: 'protection',
      kind: 'personProtected',
      country: theCase.country,
      on: addedOn,
      subject: beneficiaryId,
      person: true,
      attributes: {
        nationality,
        ageGroup: minor ? 'MINOR' : 'ADULT',
        sex: 'FEMALE',
        form: theCase.form,
        place: placeOf(theCase),
        destination:
          theCase.abroad || theCase.intercepted ? (theCase.destination ?? 'UNKNOWN') : 'IN_COUNTRY',
        placeOfExploitation: placeOfExploitationOf(theCase),
      },
    });
  };
  const rescue = async (theCase: { id: string; country: string }, date: string, ids: string[]) => {
    await mutate('recordRescueOperation', {
      caseId: theCase.id,
      date,
      place: 'A place',
      partnerAgencies: [],
      rescuedBeneficiaryIds: ids,
    });
    facts.push({
      programme: 'protection',
      kind: 'rescue',
      country: theCase.country,
      on: date,
      subject: `${theCase.id}/${date}`,
      quantity: ids.length,
    });
    for (const id of ids)
      facts.push({
        programme: 'protection',
        kind: 'personRescued',
        country: theCase.country,
        on: date,
        subject: id,
        person: true,
      });
  };

  // Case A: opened the year before in Thailand; a Lao girl rescued and identified on 1 January,
  // received home on 10 January, the case closed on 1 February.
  const a = {
    id: await openCase({
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      openedOn: '2024-12-15',
    }),
    country: 'TH',
    abroad: false,
    form: 'SEX_TRAFFICKING',
  };
  const girl = await register('LA', true, '2008-05-01');
  await addVictim(a, girl, 'LA', true, '2024-12-16');
  await rescue(a, '2025-01-01', [girl]);
  await mutate('recordVictimIdentification', {
    caseId: a.id,
    beneficiaryId: girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2025-01-01',
  });
  facts.push({
    programme: 'protection',
    kind: 'identification',
    country: 'TH',
    on: '2025-01-01',
    subject: girl,
    person: true,
    attributes: { outcome: 'OFFICIALLY_IDENTIFIED' },
  });
  await mutate('recordGuardianContact', {
    caseId: a.id,
    kind: 'SHELTER',
    details: 'Shelter duty phone',
  });
  for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
    await mutate('recordRepatriationStep', {
      caseId: a.id,
      beneficiaryId: girl,
      step,
      date: '2025-01-10',
    });
  }
  facts.push({
    programme: 'protection',
    kind: 'returnCompleted',
    country: 'TH',
    on: '2025-01-10',
    subject: girl,
    person: true,
  });
  await mutate('closeProtectionCase', {
    caseId: a.id,
    reason: 'VICTIMS_RETURNED',
    closedOn: '2025-02-01',
  });
  facts.push({
    programme: 'protection',
    kind: 'caseClosed',
    country: 'TH',
    on: '2025-02-01',
    subject: a.id,
    attributes: { reason: 'VICTIMS_RETURNED' },
  });

  // Case B: Laos's programme, two Lao women forced into marriage in China, taken in on 31
  // December, rescued on 1 January.
  const b = {
    id: await openCase({
      country: 'LA',
      abroad: true,
      destination: 'CN',
      formOfExploitation: 'FORCED_MARRIAGE',
      openedOn: '2025-12-31',
    }),
    country: 'LA',
    abroad: true,
    destination: 'CN',
    form: 'FORCED_MARRIAGE',
  };
  const sisters = [
    await register('LA', true, '2009-02-02', 'LA'),
    await register('LA', false, '1999-02-02', 'LA'),
  ];
  await addVictim(b, sisters[0], 'LA', true, '2025-12-31');
  await addVictim(b, sisters[1], 'LA', false, '2025-12-31');
  await rescue(b, '2026-01-01', sisters);

  // Case C: twelve Thai women rescued in Thailand in June: enough for a cell a partner may see.
  const c = {
    id: await openCase({
      country: 'TH',
      province: 'Pattaya',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      openedOn: '2025-06-01',
    }),
    country: 'TH',
    abroad: false,
    form: 'SEX_TRAFFICKING',
  };
  const women: string[] = [];
  for (let i = 0; i < 12; i++) women.push(await register('TH', false, '1995-03-03'));
  for (const woman of women) await addVictim(c, woman, 'TH', false, '2025-06-02');
  await rescue(c, '2025-06-02', women);

  // Case D: Laos's programme intercepted a Lao girl on her way to a marriage in China, in
  // September: protected in transit, exploited nowhere.
  const d = {
    id: await openCase({
      country: 'LA',
      abroad: false,
      intercepted: true,
      destination: 'CN',
      formOfExploitation: 'FORCED_MARRIAGE',
      openedOn: '2025-09-10',
    }),
    country: 'LA',
    abroad: false,
    intercepted: true,
    destination: 'CN',
    form: 'FORCED_MARRIAGE',
  };
  await addVictim(d, await register('LA', true, '2009-06-06', 'LA'), 'LA', true, '2025-09-10');

  return { laoGirlInThailand: girl, laoWomanInLaos: sisters[1] };
}

/** A case as the expectations need it. */
type ProtectionCaseExpected = {
  id: string;
  country: string;
  abroad: boolean;
  intercepted?: boolean;
  destination?: string;
  form: string;
};

/** Where its victims were protected: an interception is in transit, wherever it happened. */
function placeOf(theCase: { abroad: boolean; intercepted?: boolean }): string {
  if (theCase.intercepted) return 'IN_TRANSIT';
  return theCase.abroad ? 'ABROAD' : 'IN_COUNTRY';
}

/** No case of the year names its place of exploitation; an interception has none at all. */
function placeOfExploitationOf(theCase: { intercepted?: boolean }): string {
  return theCase.intercepted ? 'IN_TRANSIT' : 'UNKNOWN';
}
