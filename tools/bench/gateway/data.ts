// The data every path reads: beneficiaries with personal details, registered through the gateway,
// and the windows of PAGE of them that requests take in turn.
import { v5 as uuidv5 } from 'uuid';
import { post } from './load';
import { COUNTRIES, PAGE, WINDOWS } from './settings';

/** Registers `count` beneficiaries with (fictional) personal details, as an admin. */
export async function registerBeneficiaries(
  gatewayUrl: string,
  adminToken: string,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = uuidv5(`bench-beneficiary-${i}`, '9a7f6a0e-4b3c-4c55-8f0a-2d5d3f1b6c11');
    const n = String(i + 1).padStart(2, '0');
    const body = await post(
      gatewayUrl,
      'mutation R($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }',
      {
        input: {
          id,
          country: COUNTRIES[i % 3],
          sex: 'FEMALE',
          minor: i % 3 === 0,
          // Fictional.
          personal: {
            givenName: `Benchmark${n}`,
            familyName: 'Example',
            dateOfBirth: new Date(Date.UTC(1990, 0, 1 + i)).toISOString().slice(0, 10),
            phone: `+00 000 0000 ${n}`,
          },
        },
      },
      { authorization: `Bearer ${adminToken}` },
    );
    if (body.errors?.length) throw new Error(`registration failed: ${JSON.stringify(body.errors)}`);
  }
}

/**
 * The windows, as the gateway's page variables and as the extensions' `_entities`
 * representations: the k-th starts after the cursor of the (k-1)-th beneficiary in list order.
 */
export async function listWindows(
  gatewayUrl: string,
  adminToken: string,
  count: number,
): Promise<{ pages: object[]; entities: object[] }> {
  const listed = (await post(
    gatewayUrl,
    `query All($first: Int!) { beneficiaries(first: $first) { edges { cursor node { id } } } }`,
    { first: count },
    { authorization: `Bearer ${adminToken}` },
  )) as { data?: { beneficiaries: { edges: Array<{ cursor: string; node: { id: string } }> } } };
  const edges = listed.data?.beneficiaries.edges ?? [];
  if (edges.length !== count)
    throw new Error(`expected ${count} beneficiaries, found ${edges.length}`);
  const windows = Array.from({ length: WINDOWS }, (_, k) => ({
    page: { first: PAGE, after: k === 0 ? null : edges[k - 1].cursor },
    representations: edges
      .slice(k, k + PAGE)
      .map((edge) => ({ __typename: 'Beneficiary', id: edge.node.id })),
  }));
  return {
    pages: windows.map((w) => w.page),
    entities: windows.map((w) => ({ representations: w.representations })),
  };
}
