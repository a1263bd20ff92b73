import { legalModule } from './legal';
import { book, recorded } from './module-testing';

// Legal's share of the annual report: a case's beneficiaries, as its events and protection's
// registration tell them.

const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e11';
const girl = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e12';

const registered = recorded('BeneficiaryRegistered', {
  beneficiaryId: girl,
  referenceCode: 'BEN-TH-000001',
  country: 'TH',
  sex: 'FEMALE',
  minor: true,
  nationality: 'LA',
  ageYears: 16,
  registeredOn: '2024-12-20',
  registeredAt: '2024-12-20T03:00:00.000Z',
});
const opened = recorded('LegalCaseOpened', {
  caseId,
  kind: 'SEX_TRAFFICKING',
  country: 'TH',
  province: null,
  court: null,
  sourceProtectionCaseId: null,
  stage: 'INVESTIGATION',
  openedOn: '2025-01-01',
  beneficiaryIds: [girl],
});
const joined = recorded('LegalCaseBeneficiaryJoined', {
  caseId,
  beneficiaryId: girl,
  role: 'VICTIM',
  country: 'TH',
  sex: 'FEMALE',
  minor: true,
  joinedOn: '2025-01-01',
});

describe('the legal report module', () => {
  it('given a case opened for a girl protection registered, when the report reads its opening and her joining, then she counts once, with her sex, age group and nationality', () => {
    const subjects = book();
    const inThailand = recorded('LegalCaseOpened', { ...opened.data, exploitedIn: 'TH' });
    const facts = [registered, inThailand, joined].flatMap((event) =>
      legalModule.factsOf(event, subjects),
    );
    expect(facts.filter((fact) => fact.kind === 'beneficiary')).toEqual([
      {
        kind: 'beneficiary',
        country: 'TH',
        occurredOn: '2025-01-01',
        subjectId: girl,
        person: true,
        attributes: {
          sex: 'FEMALE',
          ageGroup: 'MINOR',
          nationality: 'LA',
          caseKind: 'SEX_TRAFFICKING',
          exploitedIn: 'TH',
        },
      },
    ]);
    expect(facts.filter((fact) => fact.kind === 'caseState')).toEqual([
      expect.objectContaining({
        subjectId: caseId,
        stateKey: `legalcase:${caseId}`,
        attributes: { state: 'OPEN', openedYear: '2025', kind: 'SEX_TRAFFICKING' },
      }),
    ]);
  });

  it('given a beneficiary protection never registered with a nationality, when she joins a case opened before it said where it was exploited, then both are UNKNOWN', () => {
    const subjects = book();
    const facts = [opened, joined].flatMap((event) => legalModule.factsOf(event, subjects));
    expect(facts.find((fact) => fact.kind === 'beneficiary')?.attributes).toEqual({
      sex: 'FEMALE',
      ageGroup: 'MINOR',
      nationality: 'UNKNOWN',
      caseKind: 'SEX_TRAFFICKING',
      exploitedIn: 'UNKNOWN',
    });
  });

  it('given compensation approved for her, then its case counts by the kind of case, and she by that kind and her nationality; the amount by source and currency only', () => {
    const approved = recorded('CompensationApproved', {
      caseId,
      claimId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e31',
      beneficiaryId: girl,
      country: 'TH',
      source: 'STATE_FUND',
      approved: { amountMinor: 9_360_000, currency: 'THB' },
      on: '2025-06-30',
    });
    expect(legalModule.reads(approved)).toEqual(
      expect.arrayContaining([`case:${caseId}`, `person:${girl}`]),
    );
    const subjects = book();
    const facts = [registered, opened, joined, approved].flatMap((event) =>
      legalModule.factsOf(event, subjects),
    );
    const attributesOf = (kind: string) => facts.find((fact) => fact.kind === kind)?.attributes;
    expect(attributesOf('compensationApprovedCase')).toEqual({
      source: 'STATE_FUND',
      currency: 'THB',
      caseKind: 'SEX_TRAFFICKING',
    });
    expect(attributesOf('compensationApprovedBeneficiary')).toEqual({
      source: 'STATE_FUND',
      currency: 'THB',
      caseKind: 'SEX_TRAFFICKING',
      nationality: 'LA',
    });
    // A sum by nationality could be one person's award: the amount is not broken down by it.
    expect(attributesOf('compensationApprovedAmount')).toEqual({
      source: 'STATE_FUND',
      currency: 'THB',
    });
  });

  it('given her joining, when the report asks what it reads, then it loads her nationality', () => {
    expect(legalModule.reads(joined)).toContain(`nationality:${girl}`);
    expect(legalModule.reads(registered)).toEqual([]);
  });

  it('given an advocacy action and, later, its outcome, then the action counts by kind and its outcome by its last state, of the same kind', () => {
    const actionId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e21';
    const action = recorded('AdvocacyActionRecorded', {
      actionId,
      kind: 'PETITION',
      country: 'TH',
      subject: 'A provincial practice',
      partnerOrganisationIds: [],
      outcome: 'PENDING',
      on: '2025-03-01',
    });
    const achieved = recorded('AdvocacyOutcomeRecorded', {
      actionId,
      country: 'TH',
      outcome: 'ACHIEVED',
      on: '2025-12-31',
    });
    expect(legalModule.reads(achieved)).toEqual([`advocacy:${actionId}`]);
    const subjects = book();
    const [first, later] = [action, achieved].map((event) => legalModule.factsOf(event, subjects));
    expect(first.map((fact) => [fact.kind, fact.attributes])).toEqual([
      ['advocacyAction', { kind: 'PETITION' }],
      ['advocacyOutcome', { outcome: 'PENDING', kind: 'PETITION' }],
    ]);
    // Its subject is what it is about only by id: the text never becomes a fact.
    expect(JSON.stringify(first)).not.toContain('provincial');
    expect(later).toEqual([
      {
        kind: 'advocacyOutcome',
        country: 'TH',
        occurredOn: '2025-12-31',
        subjectId: actionId,
        stateKey: `advocacy:${actionId}`,
        attributes: { outcome: 'ACHIEVED', kind: 'PETITION' },
      },
    ]);
  });
});
