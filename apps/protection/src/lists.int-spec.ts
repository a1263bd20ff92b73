// Protection's lists count every item their filters match (totalCount), not only one page's.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { officer, registerBeneficiary } from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const vietnamese = officer(['VN'], 'officer-vn-lists');

type Page = {
  totalCount: number;
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

it('counts all beneficiaries and cases a filter matches, on every page', async () => {
  for (let i = 0; i < 3; i++) {
    await registerBeneficiary(
      protection.service,
      { country: 'VN', sex: 'FEMALE', minor: i === 0 },
      vietnamese,
    );
    const opened = await protection.service.graphql(
      `mutation ($input: OpenProtectionCaseInput!) { openProtectionCase(input: $input) { caseId } }`,
      {
        input: {
          id: randomUUID(),
          country: 'VN',
          abroad: false,
          formOfExploitation: i === 0 ? 'FORCED_MARRIAGE' : 'SEX_TRAFFICKING',
        },
      },
      {},
      { as: vietnamese },
    );
    expect(opened.body.errors).toBeUndefined();
  }
  const read = (after: string | null) =>
    protection.service.graphql<{ beneficiaries: Page; protectionCases: Page }>(
      `query ($after: String) {
        beneficiaries(country: VN, first: 2, after: $after) {
          totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
        }
        protectionCases(country: VN, formOfExploitation: SEX_TRAFFICKING, first: 1) {
          totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
      {},
      { as: vietnamese },
    );
  const first = await read(null);
  expect(first.body.errors).toBeUndefined();
  const { beneficiaries, protectionCases } = first.body.data!;
  expect(beneficiaries).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
  expect(beneficiaries.edges).toHaveLength(2);
  expect(protectionCases).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });

  const second = await read(beneficiaries.pageInfo.endCursor);
  expect(second.body.data!.beneficiaries.totalCount).toBe(3);
  expect(second.body.data!.beneficiaries.edges).toHaveLength(1);
});
