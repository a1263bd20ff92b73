// Three minors on one case each have their own guardian contact, each shown on her own record, and
// each one's journey home needs her own; a contact for someone who is not a victim of the case writes nothing.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { protectionCaseStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { inputTypeOf } from '../testing/case-fixtures';
import { eventTypesOf, officer, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const laoOfficer = officer(['LA'], 'officer-la-contacts');

type Errors = Array<{ extensions?: Record<string, unknown> }>;

async function mutate(mutation: string, input: Record<string, unknown>) {
  const response = await protection.service.graphql(
    `mutation ($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { caseId } }`,
    { input },
    {},
    { as: laoOfficer },
  );
  return response.body as { errors?: Errors };
}

const events = (caseId: string) => eventTypesOf(protection.sql, protectionCaseStreamId(caseId));

it('records a contact for each minor, and checks each one’s own before her journey home', async () => {
  const caseId = randomUUID();
  expect(
    await mutate('openProtectionCase', {
      id: caseId,
      country: 'LA',
      abroad: true,
      formOfExploitation: 'SEX_TRAFFICKING',
    }),
  ).not.toHaveProperty('errors');
  const minors: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await registerBeneficiary(
      protection.service,
      { country: 'LA', sex: 'FEMALE', minor: true },
      laoOfficer,
    );
    minors.push(id);
    for (const [mutation, input] of [
      ['addVictimToCase', { caseId, beneficiaryId: id }],
      [
        'recordVictimIdentification',
        { caseId, beneficiaryId: id, outcome: 'OFFICIALLY_IDENTIFIED', date: '2026-01-10' },
      ],
    ] as const) {
      expect(await mutate(mutation, input)).not.toHaveProperty('errors');
    }
  }
  for (const [index, beneficiaryId] of minors.slice(0, 2).entries()) {
    const contact = {
      caseId,
      beneficiaryId,
      kind: 'GUARDIAN',
      details: `Mother ${index}, 020 555 0${index}`,
    };
    expect(await mutate('recordGuardianContact', contact)).not.toHaveProperty('errors');
  }
  const before = await events(caseId);

  const stranger = await registerBeneficiary(
    protection.service,
    { country: 'LA', sex: 'FEMALE', minor: true },
    laoOfficer,
  );
  const refused = await mutate('recordGuardianContact', {
    caseId,
    beneficiaryId: stranger,
    kind: 'GUARDIAN',
    details: 'Someone, 020 555 09',
  });
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    code: 'CONFLICT',
    reason: 'VICTIM_NOT_IN_CASE',
  });
  const journey = (beneficiaryId: string) =>
    mutate('recordRepatriationStep', {
      caseId,
      beneficiaryId,
      step: 'ESCORTED_JOURNEY',
      date: '2026-01-12',
    });
  const third = await journey(minors[2]);
  expect(third.errors?.[0]?.extensions).toMatchObject({
    code: 'CONFLICT',
    reason: 'GUARDIAN_CONTACT_REQUIRED',
  });
  expect(await events(caseId)).toEqual(before);

  expect(await journey(minors[0])).not.toHaveProperty('errors');
  expect(await journey(minors[1])).not.toHaveProperty('errors');

  // Each victim shows her own contact; the third has none yet.
  const read = await protection.service.graphql<{
    protectionCase: {
      victims: Array<{
        beneficiaryId: string;
        guardianOrShelterContact: { kind: string; details: string | null } | null;
      }>;
    };
  }>(
    `query ($id: ID!) {
      protectionCase(id: $id) {
        victims { beneficiaryId guardianOrShelterContact { kind details(purpose: "return planning") } }
      }
    }`,
    { id: caseId },
    {},
    { as: laoOfficer },
  );
  expect(read.body.errors).toBeUndefined();
  const contactOf = (id: string) =>
    read.body.data!.protectionCase.victims.find((victim) => victim.beneficiaryId === id)
      ?.guardianOrShelterContact;
  expect(contactOf(minors[0])).toEqual({ kind: 'GUARDIAN', details: 'Mother 0, 020 555 00' });
  expect(contactOf(minors[1])).toEqual({ kind: 'GUARDIAN', details: 'Mother 1, 020 555 01' });
  expect(contactOf(minors[2])).toBeNull();
});
