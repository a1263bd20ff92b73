// Issue 13, "facts happen before they are recorded": a case opened, a victim taken in and a case
// closed on days before they were recorded show those days on the case's timeline, apart from
// when each was recorded.
import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { officer, registerBeneficiary } from '../testing/fixtures';

let service: TestService;
const thai = officer(['TH'], 'officer-dates');

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
});

afterAll(async () => {
  await service?.close();
});

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
  const response = await service.graphql(
    `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) {
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
    service,
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

  const response = await service.graphql<Timeline>(
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
