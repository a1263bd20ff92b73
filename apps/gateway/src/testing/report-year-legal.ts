// Legal's part of the report's fictional year: a case opened the year before and still open with
// nothing recorded on it in the year (ongoing), one opened on 1 January (new) with an offender
// taken into custody and sentenced on 31 December, occasions, compensation claimed, approved and
// paid at the year's edges, a beneficiary joining on 31 December, and a case of the year before
// closed on 1 January (active in the year, in no later one), with its offender; advocacy actions
// taken in the year and the year before, with outcomes on 31 December and 1 January.
import type { ExpectedFact } from './report-expectations';
import {
  recordConsent,
  registerPerson,
  type MutationOptions,
  type ProtectedPeople,
  type ReportYearApi,
} from './report-year';

interface Party {
  beneficiaryId: string;
  sex: string;
  minor: boolean;
  nationality: string;
}

interface LegalCase {
  id: string;
  country: string;
  kind: string;
  openedOn: string;
  /** Where the exploitation happened, when the case says. */
  exploitedIn?: string;
  parties: Party[];
  /** Each offender's kind and last status, by id: restated when the case closes. */
  offenders: Map<string, { kind: string; status: string }>;
}

const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });

export async function recordLegalYear(api: ReportYearApi, people: ProtectedPeople): Promise<void> {
  const { facts } = api;
  const lawyer: MutationOptions = { as: 'legal' };
  const push = (theCase: LegalCase, fact: Omit<ExpectedFact, 'programme' | 'country'>) =>
    facts.push({ programme: 'legal', country: theCase.country, ...fact });
  const run = (name: string, input: Record<string, unknown>, select = 'id', inputType?: string) =>
    api.mutate(name, input, select, { ...lawyer, inputType });

  /** The beneficiaries an event names were assisted that day. */
  const assisted = (theCase: LegalCase, on: string, parties: Party[] = theCase.parties) => {
    for (const party of parties) {
      push(theCase, {
        kind: 'beneficiary',
        on,
        subject: party.beneficiaryId,
        person: true,
        attributes: {
          sex: party.sex,
          ageGroup: party.minor ? 'MINOR' : 'ADULT',
          nationality: party.nationality,
          caseKind: theCase.kind,
          exploitedIn: theCase.exploitedIn ?? 'UNKNOWN',
        },
      });
    }
  };
  /** The case is open or closed from `on`. */
  const caseState = (theCase: LegalCase, on: string, state: 'OPEN' | 'CLOSED') =>
    push(theCase, {
      kind: 'caseState',
      on,
      subject: theCase.id,
      stateKey: `legalcase:${theCase.id}`,
      attributes: { state, openedYear: theCase.openedOn.slice(0, 4), kind: theCase.kind },
    });

  const consenting = async (party: Omit<Party, 'beneficiaryId'> & { beneficiaryId?: string }) => {
    const beneficiaryId =
      party.beneficiaryId ??
      (await registerPerson(api, {
        country: 'TH',
        nationality: party.nationality,
        minor: party.minor,
        sex: party.sex,
        dateOfBirth: party.minor ? '2012-02-02' : '1990-02-02',
      }));
    await recordConsent(api, beneficiaryId, 'LEGAL_ACTION', '2024-01-15');
    return { ...party, beneficiaryId };
  };
  const open = async (
    input: {
      country: string;
      kind: string;
      openedOn: string;
      stage: string;
      exploitedIn?: string;
    },
    parties: Party[],
  ): Promise<LegalCase> => {
    // Once legal has read the beneficiaries and their consent on protection's log.
    const { openLegalCase } = await api.eventually(
      'openLegalCase',
      {
        ...input,
        staffLawyerIds: [],
        parties: parties.map(({ beneficiaryId }) => ({ beneficiaryId, role: 'VICTIM' })),
      },
      'id',
      lawyer,
    );
    const theCase = { id: String(openLegalCase.id), ...input, parties, offenders: new Map() };
    caseState(theCase, input.openedOn, 'OPEN');
    assisted(theCase, input.openedOn);
    return theCase;
  };
  /** An offender's status from `on`, on a case open or closed then. */
  const offenderState = (
    theCase: LegalCase,
    offender: { id: string; kind: string },
    status: string,
    on: string,
    state: 'OPEN' | 'CLOSED',
  ) => {
    theCase.offenders.set(offender.id, { kind: offender.kind, status });
    push(theCase, {
      kind: 'offender',
      on,
      subject: offender.id,
      stateKey: `offender:${offender.id}`,
      attributes: { kind: offender.kind, status, state },
    });
  };
  const offenderStatus = (
    theCase: LegalCase,
    offender: { id: string; kind: string },
    status: string,
    on: string,
  ) => {
    offenderState(theCase, offender, status, on, 'OPEN');
    assisted(theCase, on);
  };
  const addOffender = async (theCase: LegalCase, kind: string, on: string) => {
    const status = 'UNDER_INVESTIGATION';
    const { addOffender: added } = await run(
      'addOffender',
      { caseId: theCase.id, kind, nationality: 'TH', status, on },
      'node { offenders { id } }',
    );
    const offenders = (added.node as { offenders: Array<{ id: string }> }).offenders;
    const offender = { id: offenders[offenders.length - 1].id, kind };
    offenderStatus(theCase, offender, status, on);
    return offender;
  };
  const changeStatus = async (
    theCase: LegalCase,
    offender: { id: string; kind: string },
    status: string,
    on: string,
  ) => {
    await run('changeOffenderStatus', { caseId: theCase.id, offenderId: offender.id, status, on });
    offenderStatus(theCase, offender, status, on);
  };
  const occasion = async (theCase: LegalCase, kind: string, on: string, parties: Party[]) => {
    const beneficiaryIds = parties.map((party) => party.beneficiaryId);
    await run(
      'recordLegalServiceOccasion',
      { caseId: theCase.id, kind, on, beneficiaryIds },
      'id',
      'RecordServiceOccasionInput',
    );
    push(theCase, { kind: 'serviceOccasion', on, subject: `${kind}/${on}`, attributes: { kind } });
    push(theCase, { kind: 'caseServed', on, subject: theCase.id, attributes: { kind } });
    assisted(theCase, on, parties);
  };
  /** A stage of compensation: its amount, its case and its beneficiary, by source. */
  const compensation = (
    theCase: LegalCase,
    stage: 'Claimed' | 'Approved' | 'Paid',
    claim: { source: string; party: Party },
    amount: { amountMinor: number; currency: string },
    on: string,
  ) => {
    const attributes = { source: claim.source, currency: amount.currency };
    const caseKind = theCase.kind;
    const stageFact = (
      kind: string,
      subject: string,
      quantity?: number,
      more: Record<string, string> = {},
    ) => push(theCase, { kind, on, subject, quantity, attributes: { ...attributes, ...more } });
    stageFact(`compensation${stage}Amount`, theCase.id, amount.amountMinor);
    stageFact(`compensation${stage}Case`, theCase.id, undefined, { caseKind });
    stageFact(`compensation${stage}Beneficiary`, claim.party.beneficiaryId, undefined, {
      caseKind,
      nationality: claim.party.nationality,
    });
    assisted(theCase, on, [claim.party]);
  };
  const claimFor = async (
    theCase: LegalCase,
    party: Party,
    source: string,
    claimed: { amountMinor: number; currency: string },
    on: string,
  ) => {
    const { claimCompensation } = await run(
      'claimCompensation',
      { caseId: theCase.id, beneficiaryId: party.beneficiaryId, source, claimed, on },
      'node { compensationClaims { id source } }',
    );
    const claims = (
      claimCompensation.node as { compensationClaims: Array<{ id: string; source: string }> }
    ).compensationClaims;
    const claim = { id: claims.find((c) => c.source === source)!.id, source, party };
    compensation(theCase, 'Claimed', claim, claimed, on);
    return claim;
  };
  const approve = async (
    theCase: LegalCase,
    claim: { id: string; source: string; party: Party },
    approved: { amountMinor: number; currency: string },
    on: string,
  ) => {
    await run('approveCompensation', { caseId: theCase.id, claimId: claim.id, approved, on });
    compensation(theCase, 'Approved', claim, approved, on);
  };

  const thaiWoman = await consenting({ sex: 'FEMALE', minor: false, nationality: 'TH' });
  const thaiBoy = await consenting({ sex: 'MALE', minor: true, nationality: 'TH' });
  const laoGirl = await consenting({
    beneficiaryId: people.laoGirlInThailand,
    sex: 'FEMALE',
    minor: true,
    nationality: 'LA',
  });
  const laoWoman = await consenting({
    beneficiaryId: people.laoWomanInLaos,
    sex: 'FEMALE',
    minor: false,
    nationality: 'LA',
  });

  // Ongoing: opened in March 2024, its offender under investigation since; nothing recorded on
  // it in 2025; released on bail on 1 January 2026.
  const ongoing = await open(
    { country: 'TH', kind: 'SEX_TRAFFICKING', openedOn: '2024-03-01', stage: 'INVESTIGATION' },
    [thaiWoman],
  );
  const bailed = await addOffender(ongoing, 'ADULT_MALE', '2024-03-05');

  // New: opened on 1 January 2025 for the Lao girl protection rescued that day; its offender in
  // custody in June and sentenced on 31 December; a Thai boy joins on 31 December.
  const fresh = await open(
    {
      country: 'TH',
      kind: 'ONLINE_SEXUAL_EXPLOITATION',
      openedOn: '2025-01-01',
      stage: 'REPORTED_TO_POLICE',
    },
    [laoGirl],
  );
  const sentenced = await addOffender(fresh, 'ADULT_FEMALE', '2025-01-01');
  const fromOffender = await claimFor(fresh, laoGirl, 'OFFENDER', thb(50_000), '2025-02-01');
  await approve(fresh, fromOffender, thb(50_000), '2025-03-01');
  await occasion(fresh, 'ATTENDING_HEARING', '2025-03-01', [laoGirl]);
  await changeStatus(fresh, sentenced, 'IN_CUSTODY', '2025-06-01');
  await run(
    'addBeneficiaryToLegalCase',
    {
      caseId: fresh.id,
      party: { beneficiaryId: thaiBoy.beneficiaryId, role: 'WITNESS' },
      joinedOn: '2025-12-31',
    },
    'id',
  );
  fresh.parties = [laoGirl, thaiBoy];
  assisted(fresh, '2025-12-31', [thaiBoy]);
  await occasion(fresh, 'DRAFTING_DOCUMENTS', '2025-12-31', [laoGirl, thaiBoy]);
  await run('recordVerdict', {
    caseId: fresh.id,
    offenderId: sentenced.id,
    outcome: 'CONVICTED',
    pronounced: { termYears: 10, termMonths: 0 },
    on: '2025-12-31',
  });
  push(fresh, {
    kind: 'verdict',
    on: '2025-12-31',
    subject: `${sentenced.id}:2025-12-31`,
    attributes: { outcome: 'CONVICTED' },
  });
  assisted(fresh, '2025-12-31');
  offenderStatus(fresh, sentenced, 'SENTENCED', '2025-12-31');
  await run('receiveCompensationPayment', {
    caseId: fresh.id,
    claimId: fromOffender.id,
    amount: thb(20_000),
    on: '2025-12-31',
  });
  compensation(fresh, 'Paid', fromOffender, thb(20_000), '2025-12-31');
  const fromFund = await claimFor(fresh, thaiBoy, 'STATE_FUND', thb(100_000), '2025-12-31');
  await approve(fresh, fromFund, thb(60_000), '2026-01-01');
  await occasion(fresh, 'MEETING_PROSECUTOR', '2026-01-01', [thaiBoy]);
  await changeStatus(ongoing, bailed, 'ON_BAIL', '2026-01-01');

  // Laos's programme: a forced marriage in China, the case opened on 31 December 2024, its
  // offender a fugitive since that day, closed on 1 January: he counts in 2025 and in no later year.
  const closed = await open(
    {
      country: 'LA',
      kind: 'FORCED_MARRIAGE',
      openedOn: '2024-12-31',
      stage: 'INVESTIGATION',
      exploitedIn: 'CN',
    },
    [laoWoman],
  );
  const fugitive = await addOffender(closed, 'ADULT_MALE', '2024-12-31');
  await changeStatus(closed, fugitive, 'FUGITIVE', '2024-12-31');
  await run('closeLegalCase', { caseId: closed.id, on: '2025-01-01' });
  caseState(closed, '2025-01-01', 'CLOSED');
  for (const [id, offender] of closed.offenders) {
    offenderState(closed, { id, kind: offender.kind }, offender.status, '2025-01-01', 'CLOSED');
  }
  assisted(closed, '2025-01-01');

  // Advocacy: a petition in March, achieved on 31 December; a task force of the year before,
  // partly achieved on 1 January after. An action is recorded PENDING.
  const outcomeFact = (action: { id: string; kind: string }, value: string, on: string) =>
    facts.push({
      programme: 'legal',
      kind: 'advocacyOutcome',
      country: 'TH',
      on,
      subject: action.id,
      stateKey: `advocacy:${action.id}`,
      attributes: { outcome: value, kind: action.kind },
    });
  const advocacy = async (kind: string, on: string) => {
    const { recordAdvocacyAction } = await run(
      'recordAdvocacyAction',
      { kind, country: 'TH', subject: 'A provincial practice', on },
      'node { id }',
    );
    const action = { id: String((recordAdvocacyAction.node as { id: string }).id), kind };
    facts.push({
      programme: 'legal',
      kind: 'advocacyAction',
      country: 'TH',
      on,
      subject: action.id,
      attributes: { kind },
    });
    outcomeFact(action, 'PENDING', on);
    return action;
  };
  const outcome = async (action: { id: string; kind: string }, value: string, on: string) => {
    await run('recordAdvocacyOutcome', { actionId: action.id, outcome: value, on });
    outcomeFact(action, value, on);
  };
  await outcome(await advocacy('PETITION', '2025-03-01'), 'ACHIEVED', '2025-12-31');
  await outcome(await advocacy('TASK_FORCE', '2024-12-31'), 'PARTLY_ACHIEVED', '2026-01-01');
}
