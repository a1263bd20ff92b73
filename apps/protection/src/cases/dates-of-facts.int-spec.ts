// Issue 13, "facts happen before they are recorded": a case opened, a victim taken in and a case
// closed on days before they were recorded show those days on the case's timeline, apart from
// when each was recorded.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { inputTypeOf } from '../testing/case-fixtures';
import { officer, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const thai = officer(['TH'], 'officer-dates');

type Timeline = {
  protectionCase: {
    timeline: {
      edges: Array<{
        node: { type: string; occurredAt: string; summary: { date: string | null } };
      }>;
    };
  };
};

async function mutate(mutation: string, input: Record<string, unknown>) {
  const response = await protection.service.graphql(
    `mutation ($input: ${inputTypeOf(mutation)}!) {
      ${mutation}(input: $input) { caseId }
    }`,
    { input },
    {},
    { as: thai },
  );
  expect(response.body.errors).toBeUndefined();
}

it('shows the day a case was opened, a victim taken in and the case closed, apart from the recording time', async () => {
  const caseId = randomUUID();
  const beneficiaryId = await registerBeneficiary(
    protection.service,
    { country: 'TH', sex: 'FEMALE', minor: false },
    thai,
  );
  await mutate('openProtectionCase', {
    id: caseId,
    country: 'TH',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
    openedOn: '2019-03-01',
  });
  await mutate('addVictimToCase', { caseId, beneficiaryId, addedOn: '2019-03-02' });
  await mutate('closeProtectionCase', { caseId, reason: 'OTHER', closedOn: '2020-01-15' });

  const response = await protection.service.graphql<Timeline>(
    `query ($id: ID!) {
      protectionCase(id: $id) { timeline { edges { node { type occurredAt summary { date } } } } }
    }`,
    { id: caseId },
    {},
    { as: thai },
  );
  expect(response.body.errors).toBeUndefined();
  const entries = response.body.data!.protectionCase.timeline.edges.map(({ node }) => node);
  expect(entries.map(({ type, summary }) => [type, summary.date])).toEqual([
    ['ProtectionCaseOpened', '2019-03-01'],
    ['VictimAddedToCase', '2019-03-02'],
    ['ProtectionCaseClosed', '2020-01-15'],
  ]);
  // When each was recorded: now, not the day it happened.
  for (const entry of entries) expect(entry.occurredAt.slice(0, 4)).not.toBe('2019');
});

it('shows the day a beneficiary was registered, a contact made and a case reopened, apart from the recording time', async () => {
  // Given an intake form of 2021 entered now
  const beneficiaryId = await registerBeneficiary(
    protection.service,
    { country: 'TH', sex: 'FEMALE', minor: true, registeredOn: '2021-06-01' },
    thai,
  );
  const caseId = randomUUID();
  await mutate('openProtectionCase', {
    id: caseId,
    country: 'TH',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
    openedOn: '2021-05-30',
  });
  await mutate('addVictimToCase', { caseId, beneficiaryId, addedOn: '2021-06-01' });
  // A contact made in 2021, the case closed then and reopened last year
  await mutate('recordGuardianContact', {
    caseId,
    beneficiaryId,
    kind: 'SHELTER',
    details: 'Kredtrakarn shelter, the duty officer',
    contactedOn: '2021-06-02',
  });
  await mutate('closeProtectionCase', { caseId, reason: 'OTHER', closedOn: '2021-12-01' });
  await mutate('reopenProtectionCase', {
    caseId,
    reason: 'NEW_INFORMATION',
    reopenedOn: '2025-02-03',
  });

  const response = await protection.service.graphql<{
    beneficiary: {
      registeredOn: string;
      registeredAt: string;
      timeline: { edges: Array<{ node: { type: string; summary: { date: string | null } } }> };
    };
    protectionCase: {
      guardianOrShelterContact: { contactedOn: string };
      timeline: { edges: Array<{ node: { type: string; summary: { date: string | null } } }> };
    };
  }>(
    `query ($beneficiaryId: ID!, $caseId: ID!) {
      beneficiary(id: $beneficiaryId) {
        registeredOn registeredAt
        timeline { edges { node { type summary { date } } } }
      }
      protectionCase(id: $caseId) {
        guardianOrShelterContact { contactedOn }
        timeline { edges { node { type summary { date } } } }
      }
    }`,
    { beneficiaryId, caseId },
    {},
    { as: thai },
  );
  expect(response.body.errors).toBeUndefined();
  const { beneficiary, protectionCase } = response.body.data!;
  expect(beneficiary.registeredOn).toBe('2021-06-01');
  expect(beneficiary.registeredAt.slice(0, 4)).not.toBe('2021');
  expect(beneficiary.timeline.edges[0].node).toEqual({
    type: 'BeneficiaryRegistered',
    summary: { date: '2021-06-01' },
  });
  expect(protectionCase.guardianOrShelterContact.contactedOn).toBe('2021-06-02');
  const days = protectionCase.timeline.edges.map(({ node }) => [node.type, node.summary.date]);
  expect(days).toContainEqual(['GuardianContactRecorded', '2021-06-02']);
  expect(days).toContainEqual(['ProtectionCaseReopened', '2025-02-03']);
});

it('refuses a registration, a contact or a reopening dated in the future, quoting nothing and writing nothing', async () => {
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const caseId = randomUUID();
  await mutate('openProtectionCase', {
    id: caseId,
    country: 'TH',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
  });
  await mutate('closeProtectionCase', { caseId, reason: 'OTHER' });
  const attempts: Array<[string, string, Record<string, unknown>]> = [
    [
      'registerBeneficiary',
      'beneficiaryId',
      { country: 'TH', sex: 'FEMALE', minor: false, registeredOn: tomorrow },
    ],
    [
      'recordGuardianContact',
      'caseId',
      { caseId, kind: 'GUARDIAN', details: 'Her aunt', contactedOn: tomorrow },
    ],
    ['reopenProtectionCase', 'caseId', { caseId, reason: 'OTHER', reopenedOn: tomorrow }],
    ['reopenProtectionCase', 'caseId', { caseId, reason: 'OTHER', reopenedOn: '1989-12-31' }],
  ];
  const { rows: before } = await protection.sql.query(
    'SELECT (SELECT count(*) FROM event_store.events) AS events, (SELECT count(*) FROM privacy.person_keys) AS keys',
  );
  for (const [mutation, select, input] of attempts) {
    const response = await protection.service.graphql(
      `mutation ($input: ${inputTypeOf(mutation)}!) {
        ${mutation}(input: $input) { ${select} }
      }`,
      { input },
      {},
      { as: thai },
    );
    const [error] = response.body.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).not.toContain(tomorrow);
    expect(error?.message).not.toContain('1989-12-31');
  }
  const { rows: after } = await protection.sql.query(
    'SELECT (SELECT count(*) FROM event_store.events) AS events, (SELECT count(*) FROM privacy.person_keys) AS keys',
  );
  expect(after).toEqual(before);
});
