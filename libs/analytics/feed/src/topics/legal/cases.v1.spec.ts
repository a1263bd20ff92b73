import { LEGAL_CASE_INTEGRATION_EVENT_TYPES } from '@haven/legal/contracts';
import { messageText, publishedMessage, specPseudonyms, stored } from '../spec-support';
import { LEGAL_CASES_V1 } from './cases.v1';

const caseId = '0193a0e2-0000-7000-8000-00000000ca01';
const beneficiaryId = '0193a0e2-0000-7000-8000-00000000b001';
const protectionCaseId = '0193a0e2-0000-7000-8000-00000000cb01';
const offenderId = '0193a0e2-0000-7000-8000-00000000of01';
const claimId = '0193a0e2-0000-7000-8000-00000000c101';
const pseudonym = specPseudonyms.pseudonym.bind(specPseudonyms);
const ofCase = { caseId, country: 'TH', beneficiaryIds: [beneficiaryId] };
const published = { case: pseudonym('case', caseId), country: 'TH' };
const person = pseudonym('person', beneficiaryId);
const offender = pseudonym('offender', offenderId);
const claim = pseudonym('claim', claimId);
const baht = (amountMinor: number) => ({ amountMinor, currency: 'THB' });
// Places, institutions and Haven's ids never leave.
const SECRETS = [
  'Marker',
  caseId,
  beneficiaryId,
  protectionCaseId,
  offenderId,
  claimId,
  '0193a0e2',
];

const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'LegalCaseOpened',
    {
      ...ofCase,
      kind: 'SEX_TRAFFICKING',
      province: 'Marker-Province',
      court: 'Marker Provincial Court',
      sourceProtectionCaseId: protectionCaseId,
      exploitedIn: 'MY',
      stage: 'REPORTED_TO_POLICE',
      openedOn: '2026-01-10',
    },
    {
      ...published,
      kind: 'SEX_TRAFFICKING',
      stage: 'REPORTED_TO_POLICE',
      sourceProtectionCase: pseudonym('case', protectionCaseId),
      exploitedIn: 'MY',
      openedOn: '2026-01-10',
    },
  ],
  [
    'LegalCaseBeneficiaryJoined',
    {
      caseId,
      beneficiaryId,
      role: 'JOINT_PLAINTIFF',
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      joinedOn: '2026-01-10',
    },
    {
      ...published,
      person,
      role: 'JOINT_PLAINTIFF',
      sex: 'FEMALE',
      minor: true,
      joinedOn: '2026-01-10',
    },
  ],
  [
    'LegalCaseStageChanged',
    { ...ofCase, from: 'INVESTIGATION', to: 'PROSECUTION', on: '2026-03-01' },
    { ...published, from: 'INVESTIGATION', to: 'PROSECUTION', changedOn: '2026-03-01' },
  ],
  [
    'OffenderStatusChanged',
    {
      ...ofCase,
      offenderId,
      offenderKind: 'ADULT_MALE',
      nationality: 'TH',
      from: null,
      to: 'UNDER_INVESTIGATION',
      on: '2026-01-12',
    },
    {
      ...published,
      offender,
      offenderKind: 'ADULT_MALE',
      nationality: 'TH',
      from: null,
      to: 'UNDER_INVESTIGATION',
      changedOn: '2026-01-12',
    },
  ],
  [
    'LegalServiceOccasionRecorded',
    {
      ...ofCase,
      occasionId: '0193a0e2-0000-7000-8000-00000000cc01',
      kind: 'ATTENDING_HEARING',
      on: '2026-04-02',
    },
    { ...published, kind: 'ATTENDING_HEARING', beneficiaries: 1, heldOn: '2026-04-02' },
  ],
  [
    'EvidenceVerified',
    {
      caseId,
      documentId: '0193a0e2-0000-7000-8000-00000000dd01',
      beneficiaryId,
      country: 'TH',
      documentKind: 'BIRTH_CERTIFICATE',
      issuingCountry: 'MM',
      verifiedBy: 'EMBASSY',
      finding: 'FALSIFIED',
      on: '2026-02-20',
    },
    {
      ...published,
      person,
      documentKind: 'BIRTH_CERTIFICATE',
      issuingCountry: 'MM',
      verifiedBy: 'EMBASSY',
      finding: 'FALSIFIED',
      verifiedOn: '2026-02-20',
    },
  ],
  [
    'VerdictRecorded',
    {
      ...ofCase,
      offenderId,
      outcome: 'CONVICTED',
      pronounced: { termYears: 12, termMonths: 0, fine: baht(48_000_000) },
      final: { termYears: 8, termMonths: 6, fine: null },
      on: '2026-09-09',
    },
    {
      ...published,
      offender,
      outcome: 'CONVICTED',
      pronouncedTermYears: 12,
      pronouncedTermMonths: 0,
      pronouncedFineMinor: 48_000_000,
      pronouncedFineCurrency: 'THB',
      finalTermYears: 8,
      finalTermMonths: 6,
      finalFineMinor: null,
      finalFineCurrency: null,
      pronouncedOn: '2026-09-09',
    },
  ],
  [
    'VerdictAppealed',
    { ...ofCase, offenderId, on: '2026-10-01' },
    { ...published, offender, appealedOn: '2026-10-01' },
  ],
  [
    'CompensationClaimed',
    {
      caseId,
      claimId,
      beneficiaryId,
      country: 'TH',
      source: 'STATE_FUND',
      claimed: baht(3_000_000),
      on: '2026-05-05',
    },
    {
      ...published,
      claim,
      person,
      source: 'STATE_FUND',
      amountMinor: 3_000_000,
      currency: 'THB',
      claimedOn: '2026-05-05',
    },
  ],
  [
    'CompensationApproved',
    {
      caseId,
      claimId,
      beneficiaryId,
      country: 'TH',
      source: 'STATE_FUND',
      approved: baht(2_000_000),
      on: '2026-06-05',
    },
    {
      ...published,
      claim,
      person,
      source: 'STATE_FUND',
      amountMinor: 2_000_000,
      currency: 'THB',
      approvedOn: '2026-06-05',
    },
  ],
  [
    'CompensationPaymentReceived',
    {
      caseId,
      claimId,
      paymentId: '0193a0e2-0000-7000-8000-00000000ee01',
      beneficiaryId,
      country: 'TH',
      source: 'STATE_FUND',
      amount: baht(1_000_000),
      on: '2026-07-05',
    },
    {
      ...published,
      claim,
      person,
      source: 'STATE_FUND',
      amountMinor: 1_000_000,
      currency: 'THB',
      receivedOn: '2026-07-05',
    },
  ],
  ['LegalCaseClosed', { ...ofCase, on: '2026-11-30' }, { ...published, closedOn: '2026-11-30' }],
  [
    'LegalCaseReopened',
    { ...ofCase, stage: 'APPEAL', on: '2026-12-01' },
    { ...published, stage: 'APPEAL', reopenedOn: '2026-12-01' },
  ],
];

describe('haven.legal.cases.v1', () => {
  it("covers every integration event of legal's case streams", () =>
    expect(cases.map(([type]) => type)).toEqual([...LEGAL_CASE_INTEGRATION_EVENT_TYPES]));

  it.each(cases)(
    'given a stored %s, when the relay maps it, then it publishes only the allow-listed fields, pseudonymised, under the case pseudonym, valid against the published schema',
    (type, data, expected) => {
      const message = publishedMessage(LEGAL_CASES_V1, stored(`legalcase-${caseId}`, type, data));
      expect(message.key).toBe(published.case);
      expect(message.body).toEqual({ type, schemaVersion: 1, data: expected });
      for (const secret of SECRETS) expect(messageText(message)).not.toContain(secret);
    },
  );

  it("given a legal case opened from a protection case, then its source is the protection case's own pseudonym, so analysts can follow a case from protection to court", () => {
    const opened = publishedMessage(
      LEGAL_CASES_V1,
      stored(`legalcase-${caseId}`, 'LegalCaseOpened', cases[0][1]),
    );
    expect(opened.body?.data.sourceProtectionCase).toBe(
      specPseudonyms.pseudonym('case', protectionCaseId),
    );
  });

  it('given an opening stored before the contract named its beneficiaries, when it is mapped, then it publishes the same fields', () => {
    const { beneficiaryIds: _later, ...older } = cases[0][1];
    const opened = publishedMessage(
      LEGAL_CASES_V1,
      stored(`legalcase-${caseId}`, 'LegalCaseOpened', older),
    );
    expect(opened.body?.data).toEqual(cases[0][2]);
  });

  it('given an opening stored before it said where the exploitation happened, then that is null', () => {
    const { exploitedIn: _later, ...older } = cases[0][1];
    const opened = publishedMessage(
      LEGAL_CASES_V1,
      stored(`legalcase-${caseId}`, 'LegalCaseOpened', older),
    );
    expect(opened.body?.data.exploitedIn).toBeNull();
  });

  it('given a stored event internal to legal (lawyers assigned), when the relay maps it, then nothing is published', () => {
    expect(() =>
      publishedMessage(
        LEGAL_CASES_V1,
        stored(`legalcase-${caseId}`, 'LawyersAssigned', {
          caseId,
          staffLawyerIds: ['staff-Marker'],
          lawFirmId: null,
          on: '2026-01-10',
        }),
      ),
    ).toThrow('LawyersAssigned: 0 messages');
  });
});
