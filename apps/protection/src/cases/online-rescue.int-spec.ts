// Issue 13, "online exploitation has no physical place": a rescue or intervention may be online
// (a platform report, an account take-down, a remote intervention), its place a platform.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { inputTypeOf } from '../testing/case-fixtures';
import { officer, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const thai = officer(['TH'], 'officer-online');

type Operation = { place: string; online: boolean; rescuedBeneficiaryIds: string[] };

async function mutate(mutation: string, input: Record<string, unknown>) {
  const response = await protection.service.graphql<
    Record<string, { protectionCase: { rescueOperations: Operation[] } }>
  >(
    `mutation ($input: ${inputTypeOf(mutation)}!) {
      ${mutation}(input: $input) { protectionCase { rescueOperations { place online rescuedBeneficiaryIds } } }
    }`,
    { input },
    {},
    { as: thai },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data![mutation].protectionCase;
}

it('records an online intervention with its platform as the place, beside a raid on a physical place', async () => {
  const caseId = randomUUID();
  await mutate('openProtectionCase', {
    id: caseId,
    country: 'TH',
    abroad: false,
    formOfExploitation: 'ONLINE_SEXUAL_EXPLOITATION',
  });
  const beneficiaryId = await registerBeneficiary(
    protection.service,
    { country: 'TH', sex: 'FEMALE', minor: true },
    thai,
  );
  await mutate('addVictimToCase', { caseId, beneficiaryId });
  await mutate('recordRescueOperation', {
    caseId,
    date: '2026-02-01',
    place: 'Facebook',
    online: true,
    partnerAgencies: ['TICAC'],
    rescuedBeneficiaryIds: [beneficiaryId],
  });
  const after = await mutate('recordRescueOperation', {
    caseId,
    date: '2026-02-03',
    place: 'Mueang Chiang Rai',
    partnerAgencies: ['Royal Thai Police'],
    rescuedBeneficiaryIds: [],
  });
  expect(after.rescueOperations).toEqual([
    { place: 'Facebook', online: true, rescuedBeneficiaryIds: [beneficiaryId] },
    { place: 'Mueang Chiang Rai', online: false, rescuedBeneficiaryIds: [] },
  ]);
});
