// The lists under a legal case against the real legal app: its parts and their histories are
// capped lists (all of them by default, priced at their caps, so a case with everything it holds
// is one query within the cost limit), its service occasions come in pages, and the README's
// legal operations answer as pasted.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { admin, legalTH, useLegalService } from '../testing/legal-spec-harness';

const legal = useLegalService();
const ana = randomUUID();

beforeAll(() => legal.registerBeneficiary(ana));

const mutate = async (name: string, inputType: string, input: Record<string, unknown>) => {
  const body = await legal.as(
    legalTH,
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`,
    { input },
  );
  expect(body.errors).toBeUndefined();
};

describe('the lists under a legal case', () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = await legal.openCase(ana);
    for (const kind of ['REPORTING_TO_POLICE', 'MEETING_PROSECUTOR', 'ATTENDING_HEARING']) {
      await mutate('recordLegalServiceOccasion', 'RecordServiceOccasionInput', {
        caseId,
        kind,
        on: '2019-07-01',
        beneficiaryIds: [ana],
      });
    }
    await mutate('addOffender', 'AddOffenderInput', {
      caseId,
      kind: 'ADULT_MALE',
      nationality: 'TH',
      identity: {},
      on: '2019-06-02',
    });
  });

  it('given a case with its parts, when all of them and their histories are asked at once, then the query is within the cost limit', async () => {
    const body = await legal.as<{ legalCase: Record<string, unknown> }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) {
        parties { beneficiaryId role joinedOn }
        offenders { id status statusHistory { from to on } verdict { outcome } }
        evidenceDocuments { id kind verifications { verifiedBy finding on } }
        compensationClaims { id source paid { amountMinor currency } payments { id on amount { amountMinor currency } } }
        serviceOccasions { totalCount edges { node { kind on beneficiaryIds } } }
      } }`,
      { id: caseId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.legalCase).toMatchObject({
      parties: [{ beneficiaryId: ana, role: 'VICTIM' }],
      offenders: [
        {
          status: 'UNDER_INVESTIGATION',
          statusHistory: [{ from: null, to: 'UNDER_INVESTIGATION', on: '2019-06-02' }],
        },
      ],
      evidenceDocuments: [],
      compensationClaims: [],
      serviceOccasions: { totalCount: 3 },
    });
  });

  it('given three service occasions, when they are paged two at a time, then the second page holds the last, in the order recorded', async () => {
    const PAGE = `query ($id: ID!, $after: String) { legalCase(id: $id) {
      serviceOccasions(first: 2, after: $after) { edges { node { kind } } pageInfo { hasNextPage endCursor } }
    } }`;
    type Page = {
      legalCase: {
        serviceOccasions: {
          edges: Array<{ node: { kind: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = (await legal.as<Page>(legalTH, PAGE, { id: caseId })).data!.legalCase
      .serviceOccasions;
    expect(first.edges.map((edge) => edge.node.kind)).toEqual([
      'REPORTING_TO_POLICE',
      'MEETING_PROSECUTOR',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await legal.as<Page>(legalTH, PAGE, { id: caseId, after: first.pageInfo.endCursor })
    ).data!.legalCase.serviceOccasions;
    expect(second.edges.map((edge) => edge.node.kind)).toEqual(['ATTENDING_HEARING']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('given a capped list, when more than its cap or fewer than one is asked, then it is a BAD_USER_INPUT naming the field', async () => {
    for (const query of [
      `query ($id: ID!) { legalCase(id: $id) { offenders(first: 21) { id } } }`,
      `query ($id: ID!) { legalCase(id: $id) { parties(first: 0) { role } } }`,
      `query ($id: ID!) { legalCase(id: $id) { offenders { statusHistory(first: 21) { to } } } }`,
      `query ($id: ID!) { legalCase(id: $id) { serviceOccasions(first: 101) { totalCount } } }`,
    ]) {
      const body = await legal.as(legalTH, query, { id: caseId });
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('given the README’s legal section, when its operations are pasted in order, then each answers without error', async () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Legal assistance'),
      readme.indexOf('## Crisis relief'),
    );
    const operations = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(operations.length).toBeGreaterThanOrEqual(4);
    const listed = await legal.as<{ legalCase: { offenders: Array<{ id: string }> } }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) { offenders { id } } }`,
      { id: caseId },
    );
    const offenderId = listed.data!.legalCase.offenders[0].id;
    const answers: unknown[] = [];
    for (const operation of operations) {
      const text = operation
        .replaceAll('<a consenting beneficiary>', ana)
        .replaceAll('<the case>', caseId)
        .replaceAll('<its offender>', offenderId);
      const body = await legal.as(text.includes('eraseOffenderIdentity') ? admin : legalTH, text);
      expect(body.errors).toBeUndefined();
      answers.push(body.data);
    }
    expect(answers.at(-1)).toEqual({
      offenderIdentity: { names: null, aliases: null, notes: null, erased: true },
    });
  });
});
