/**
 * Legal's part of `npm run seed:demo`: legal cases in TH and LA worked by the country's legal
 * officer, after a protection officer records each victim's consent to legal action. Thailand has
 * the annual report's Good Practice story (five minors trafficked to Rayong, falsified passports
 * and family documents verified by the court and the embassy, a sentence halved on a guilty plea,
 * compensation from the fund, the ministry and the offender, eight service occasions), an online
 * exploitation case with a fugitive offender, and an abuse case closed on an acquittal; Laos a
 * forced marriage case with a broker sentenced and a trafficking case against a company under
 * investigation; and a petition and a task force. Fictional, through the public GraphQL API.
 *
 * Running it again adds nothing: a case is opened only when its first victim has none yet, and
 * an advocacy action only when the country has none.
 */
import type { Role } from '@haven/platform/security';
import { seedGraphql, seedTokens } from './seed-client';

type Country = 'TH' | 'LA';
type Money = { amountMinor: number; currency: string };
type Node = {
  id: string;
  offenders: Array<{ id: string }>;
  evidenceDocuments: Array<{ id: string }>;
  compensationClaims: Array<{ id: string; source: string }>;
};

export interface LegalSeedBeneficiary {
  id: string;
  country: string;
  minor: boolean;
}

const thb = (baht: number): Money => ({ amountMinor: baht * 100, currency: 'THB' });
const lak = (kip: number): Money => ({ amountMinor: kip * 100, currency: 'LAK' });
// The input types not named after their mutation.
const INPUT_TYPES: Record<string, string> = {
  recordLegalServiceOccasion: 'RecordServiceOccasionInput',
};
const NODE =
  'node { id offenders { id } evidenceDocuments { id } compensationClaims { id source } }';

export async function seedLegalDemo(
  gateway: string,
  beneficiaries: readonly LegalSeedBeneficiary[],
): Promise<string> {
  const mint = seedTokens();
  const token = (role: Role, country: Country) =>
    mint(role, `seed-${role.split('_')[0]}-${country.toLowerCase()}`, country);
  const graphql = <Data>(who: Promise<string>, query: string, variables: object) =>
    seedGraphql<Data>(gateway, 'seed-demo-legal', who, query, variables);
  const mutate = async (country: Country, mutation: string, input: object): Promise<Node> => {
    const type = INPUT_TYPES[mutation] ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const data = await graphql<Record<string, { node: Node }>>(
      token('legal_officer', country),
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { id ${NODE} } }`,
      { input },
    );
    return data[mutation].node;
  };

  /** Her consent to legal action, recorded by protection when none is on record. */
  async function consent(country: Country, beneficiaryId: string): Promise<void> {
    const protection = token('protection_officer', country);
    const { beneficiary } = await graphql<{
      beneficiary: { consents: Array<{ kind: string }> } | null;
    }>(protection, 'query ($id: ID!) { beneficiary(id: $id) { consents { kind } } }', {
      id: beneficiaryId,
    });
    if (beneficiary?.consents.some((c) => c.kind === 'LEGAL_ACTION')) return;
    await graphql(
      protection,
      'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { beneficiaryId } }',
      { input: { beneficiaryId, kind: 'LEGAL_ACTION', given: true, recordedOn: '2019-11-02' } },
    );
  }

  /** Opens a case unless its first victim already has one; legal reads consents on the log. */
  async function open(country: Country, victims: string[], input: object): Promise<Node | null> {
    const { beneficiary } = await graphql<{ beneficiary: { legalCases: unknown[] | null } }>(
      token('legal_officer', country),
      'query ($id: ID!) { beneficiary(id: $id) { legalCases(first: 1) { id } } }',
      { id: victims[0] },
    );
    if (beneficiary?.legalCases?.length) return null;
    for (const id of victims) await consent(country, id);
    const parties = victims.map((beneficiaryId) => ({ beneficiaryId, role: 'VICTIM' }));
    for (let attempt = 0; ; attempt++) {
      try {
        return await mutate(country, 'openLegalCase', { ...input, country, parties });
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  const of = (country: Country, minor: boolean) =>
    beneficiaries.filter((b) => b.country === country && b.minor === minor).map((b) => b.id);
  const [thMinors, thAdults, laMinors, laAdults] = [
    of('TH', true),
    of('TH', false),
    of('LA', true),
    of('LA', false),
  ];
  let opened = 0;

  // TH, the Good Practice story: five minors trafficked to Rayong.
  const rayong = await open('TH', thMinors.slice(0, 5), {
    kind: 'SEX_TRAFFICKING',
    province: 'Rayong',
    court: 'Rayong Provincial Court',
    stage: 'INVESTIGATION',
    openedOn: '2019-11-05',
  });
  if (rayong) {
    opened++;
    const caseId = rayong.id;
    for (const beneficiaryId of thMinors.slice(0, 5)) {
      const passport = await mutate('TH', 'recordEvidenceDocument', {
        caseId,
        beneficiaryId,
        kind: 'PASSPORT',
        issuingCountry: 'LA',
        content: 'Date of birth altered to show 19 years of age',
        on: '2019-11-10',
      });
      await mutate('TH', 'verifyEvidenceDocument', {
        caseId,
        documentId: passport.evidenceDocuments.at(-1)?.id,
        verifiedBy: 'COURT',
        finding: 'FALSIFIED',
        on: '2020-06-01',
      });
      const family = await mutate('TH', 'recordEvidenceDocument', {
        caseId,
        beneficiaryId,
        kind: 'FAMILY_REGISTER',
        issuingCountry: 'LA',
        on: '2020-03-01',
      });
      for (const verifiedBy of ['FAMILY', 'COURT', 'EMBASSY']) {
        await mutate('TH', 'verifyEvidenceDocument', {
          caseId,
          documentId: family.evidenceDocuments.at(-1)?.id,
          verifiedBy,
          finding: 'CONFIRMED',
          on: '2020-05-15',
        });
      }
    }
    const withOffender = await mutate('TH', 'addOffender', {
      caseId,
      kind: 'ADULT_MALE',
      nationality: 'TH',
      identity: { names: 'Somchai K. (fictional)', notes: 'Karaoke bar manager, Rayong' },
      on: '2019-11-06',
    });
    const offenderId = withOffender.offenders[0].id;
    await mutate('TH', 'changeOffenderStatus', {
      caseId,
      offenderId,
      status: 'IN_CUSTODY',
      on: '2019-11-20',
    });
    for (const [stage, on] of [
      ['PROSECUTION', '2020-02-10'],
      ['TRIAL', '2020-07-01'],
      ['VERDICT', '2020-10-15'],
    ]) {
      await mutate('TH', 'changeLegalCaseStage', { caseId, stage, on });
    }
    await mutate('TH', 'recordVerdict', {
      caseId,
      offenderId,
      outcome: 'CONVICTED',
      pronounced: { termYears: 25, termMonths: 6, fine: thb(77_000) },
      final: { termYears: 12, termMonths: 9, fine: thb(38_500) },
      on: '2020-10-15',
    });
    for (const [source, claimed, approved] of [
      ['STATE_FUND', 50_000, 30_000],
      ['MINISTRY', 20_000, 20_000],
      ['OFFENDER', 100_000, 60_000],
    ] as const) {
      const claim = await mutate('TH', 'claimCompensation', {
        caseId,
        beneficiaryId: thMinors[0],
        source,
        claimed: thb(claimed),
        on: '2020-10-16',
      });
      const claimId = claim.compensationClaims.find((c) => c.source === source)?.id;
      await mutate('TH', 'approveCompensation', {
        caseId,
        claimId,
        approved: thb(approved),
        on: '2020-11-01',
      });
      if (source === 'STATE_FUND') {
        await mutate('TH', 'receiveCompensationPayment', {
          caseId,
          claimId,
          amount: thb(10_000),
          on: '2020-12-01',
        });
      }
    }
    const occasions: Array<[string, string]> = [
      ['REPORTING_TO_POLICE', '2019-11-05'],
      ['COORDINATING_WITH_INQUIRY_OFFICIAL', '2019-11-12'],
      ['INTERVIEWING_BENEFICIARY_OR_FAMILY', '2020-01-20'],
      ['DRAFTING_DOCUMENTS', '2020-02-03'],
      ['MEETING_PROSECUTOR', '2020-02-10'],
      ['PREPARING_VICTIM_FOR_TRIAL', '2020-06-20'],
      ['ACTING_AS_JOINT_PLAINTIFF', '2020-07-01'],
      ['ATTENDING_HEARING', '2020-10-15'],
    ];
    for (const [kind, on] of occasions) {
      await mutate('TH', 'recordLegalServiceOccasion', {
        caseId,
        kind,
        on,
        beneficiaryIds: thMinors.slice(0, 5),
      });
    }
  }

  // TH: online sexual exploitation reported this year; the offender fled.
  const online = await open('TH', thAdults.slice(0, 1), {
    kind: 'ONLINE_SEXUAL_EXPLOITATION',
    province: 'Chiang Rai',
    stage: 'REPORTED_TO_POLICE',
    openedOn: '2026-02-10',
  });
  if (online) {
    opened++;
    const caseId = online.id;
    const offenderId = (
      await mutate('TH', 'addOffender', {
        caseId,
        kind: 'ADULT_MALE',
        nationality: 'CN',
        on: '2026-02-10',
      })
    ).offenders[0].id;
    for (const [status, on] of [
      ['WARRANT_ISSUED', '2026-03-02'],
      ['FUGITIVE', '2026-03-20'],
    ]) {
      await mutate('TH', 'changeOffenderStatus', { caseId, offenderId, status, on });
    }
    for (const [kind, on] of [
      ['REPORTING_TO_POLICE', '2026-02-10'],
      ['COORDINATING_WITH_INQUIRY_OFFICIAL', '2026-02-24'],
    ]) {
      await mutate('TH', 'recordLegalServiceOccasion', {
        caseId,
        kind,
        on,
        beneficiaryIds: [thAdults[0]],
      });
    }
  }

  // TH: sexual abuse of a girl; the offender acquitted and the case closed.
  const abuse = await open('TH', thMinors.slice(5, 6), {
    kind: 'SEXUAL_ABUSE',
    province: 'Chiang Mai',
    court: 'Chiang Mai Juvenile and Family Court',
    stage: 'PROSECUTION',
    openedOn: '2020-04-14',
  });
  if (abuse) {
    opened++;
    const caseId = abuse.id;
    const offenderId = (
      await mutate('TH', 'addOffender', {
        caseId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        status: 'ON_BAIL',
        on: '2020-04-14',
      })
    ).offenders[0].id;
    await mutate('TH', 'recordLegalServiceOccasion', {
      caseId,
      kind: 'PREPARING_VICTIM_FOR_TRIAL',
      on: '2020-09-01',
      beneficiaryIds: [thMinors[5]],
    });
    await mutate('TH', 'recordVerdict', {
      caseId,
      offenderId,
      outcome: 'ACQUITTED',
      on: '2021-01-18',
    });
    await mutate('TH', 'closeLegalCase', { caseId, on: '2021-03-01' });
  }

  // LA: two girls sold as brides across the border; the broker sentenced, compensation claimed.
  const marriage = await open('LA', laMinors.slice(0, 2), {
    kind: 'FORCED_MARRIAGE',
    province: 'Bokeo',
    court: 'Bokeo Provincial People’s Court',
    stage: 'TRIAL',
    openedOn: '2020-07-01',
  });
  if (marriage) {
    opened++;
    const caseId = marriage.id;
    for (const beneficiaryId of laMinors.slice(0, 2)) {
      const birth = await mutate('LA', 'recordEvidenceDocument', {
        caseId,
        beneficiaryId,
        kind: 'BIRTH_CERTIFICATE',
        issuingCountry: 'LA',
        on: '2020-07-10',
      });
      await mutate('LA', 'verifyEvidenceDocument', {
        caseId,
        documentId: birth.evidenceDocuments.at(-1)?.id,
        verifiedBy: 'LOCAL_OFFICIALS',
        finding: 'CONFIRMED',
        on: '2020-07-20',
      });
    }
    const offenderId = (
      await mutate('LA', 'addOffender', {
        caseId,
        kind: 'ADULT_FEMALE',
        nationality: 'LA',
        status: 'IN_CUSTODY',
        identity: { aliases: 'the matchmaker (fictional)' },
        on: '2020-07-01',
      })
    ).offenders[0].id;
    const fine = lak(10_000_000);
    await mutate('LA', 'recordVerdict', {
      caseId,
      offenderId,
      outcome: 'CONVICTED',
      pronounced: { termYears: 5, termMonths: 0, fine },
      final: { termYears: 5, termMonths: 0, fine },
      on: '2021-02-25',
    });
    const claim = await mutate('LA', 'claimCompensation', {
      caseId,
      beneficiaryId: laMinors[0],
      source: 'OFFENDER',
      claimed: lak(30_000_000),
      on: '2021-02-25',
    });
    await mutate('LA', 'approveCompensation', {
      caseId,
      claimId: claim.compensationClaims.at(-1)?.id,
      approved: lak(20_000_000),
      on: '2021-02-25',
    });
    for (const [kind, on] of [
      ['INTERVIEWING_BENEFICIARY_OR_FAMILY', '2020-07-05'],
      ['ATTENDING_HEARING', '2021-02-25'],
    ]) {
      await mutate('LA', 'recordLegalServiceOccasion', {
        caseId,
        kind,
        on,
        beneficiaryIds: laMinors.slice(0, 2),
      });
    }
  }

  // LA: a karaoke bar company under investigation for trafficking, opened this year.
  const company = await open('LA', laAdults.slice(0, 1), {
    kind: 'SEX_TRAFFICKING',
    province: 'Vientiane Capital',
    stage: 'INVESTIGATION',
    openedOn: '2026-03-01',
  });
  if (company) {
    opened++;
    await mutate('LA', 'addOffender', {
      caseId: company.id,
      kind: 'COMPANY',
      nationality: 'LA',
      on: '2026-03-01',
    });
    await mutate('LA', 'recordLegalServiceOccasion', {
      caseId: company.id,
      kind: 'REPORTING_TO_POLICE',
      on: '2026-03-01',
      beneficiaryIds: [laAdults[0]],
    });
  }

  // Advocacy: holds no personal data.
  let advocacy = 0;
  for (const [country, kind, subject, outcome, on] of [
    [
      'TH',
      'PETITION',
      'Compensation from the anti-trafficking fund paid within a year',
      'PARTLY_ACHIEVED',
      '2020-12-10',
    ],
    [
      'LA',
      'TASK_FORCE',
      'Cross-border verification of birth records with Thai courts',
      'PENDING',
      '2026-01-15',
    ],
  ] as const) {
    const { advocacyActions } = await graphql<{ advocacyActions: { totalCount: number } }>(
      token('legal_officer', country),
      `
        query ($country: Country) {
          advocacyActions(country: $country) {
            totalCount
          }
        }
      `,
      { country },
    );
    if (advocacyActions.totalCount > 0) continue;
    await graphql(
      token('legal_officer', country),
      'mutation ($input: RecordAdvocacyActionInput!) { recordAdvocacyAction(input: $input) { id } }',
      { input: { country, kind, subject, outcome, on } },
    );
    advocacy++;
  }
  return `${opened} legal cases opened in TH and LA, ${advocacy} advocacy actions`;
}
