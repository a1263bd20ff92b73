// Rescue before registration: a raid rescues three persons before any is registered; each is
// attached to it as she is registered and added to the case, never more than it rescued.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { eventsOf, inputTypeOf } from '../testing/case-fixtures';
import { officer, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const thai = officer(['TH'], 'officer-raid');

type Operation = { id: string; personsRescued: number; rescuedBeneficiaryIds: string[] };
type Victim = { beneficiaryId: string; rescuedIn: string[] };
type Case = { rescueOperations: Operation[]; victims: Victim[] };
type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function send(mutation: string, input: Record<string, unknown>) {
  const response = await protection.service.graphql<Record<string, { protectionCase: Case }>>(
    `mutation ($input: ${inputTypeOf(mutation)}!) {
      ${mutation}(input: $input) {
        protectionCase {
          rescueOperations { id personsRescued rescuedBeneficiaryIds }
          victims { beneficiaryId rescuedIn }
        }
      }
    }`,
    { input },
    {},
    { as: thai },
  );
  return {
    theCase: response.body.data?.[mutation]?.protectionCase,
    errors: response.body.errors as Errors | undefined,
  };
}

async function ok(mutation: string, input: Record<string, unknown>): Promise<Case> {
  const { theCase, errors } = await send(mutation, input);
  expect(errors).toBeUndefined();
  return theCase!;
}

async function registeredVictim(caseId: string): Promise<string> {
  const id = await registerBeneficiary(
    protection.service,
    { country: 'TH', sex: 'FEMALE', minor: false },
    thai,
  );
  await ok('addVictimToCase', { caseId, beneficiaryId: id });
  return id;
}

describe('a raid that rescues persons before they are registered', () => {
  let caseId: string;
  const operationId = randomUUID();

  beforeAll(async () => {
    caseId = randomUUID();
    await ok('openProtectionCase', {
      id: caseId,
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
    });
  });

  it('records three persons rescued, naming none', async () => {
    const theCase = await ok('recordRescueOperation', {
      caseId,
      operationId,
      date: '2026-02-01',
      place: 'Karaoke bar, Mueang Rayong',
      partnerAgencies: ['Royal Thai Police'],
      personsRescued: 3,
      rescuedBeneficiaryIds: [],
    });
    expect(theCase.rescueOperations).toEqual([
      { id: operationId, personsRescued: 3, rescuedBeneficiaryIds: [] },
    ]);
  });

  it('attaches each as she is registered, once, and refuses a fourth (RESCUED_COUNT_REACHED), writing nothing', async () => {
    const victims: string[] = [];
    let theCase: Case | undefined;
    for (let i = 0; i < 3; i++) {
      const id = await registeredVictim(caseId);
      victims.push(id);
      theCase = await ok('attachRescuedVictim', { caseId, operationId, beneficiaryId: id });
    }
    expect(theCase!.rescueOperations).toEqual([
      { id: operationId, personsRescued: 3, rescuedBeneficiaryIds: victims },
    ]);
    expect(theCase!.victims).toEqual(
      victims.map((beneficiaryId) => ({ beneficiaryId, rescuedIn: [operationId] })),
    );

    // The same attachment again changes nothing.
    const before = await eventsOf(protection.sql, caseId);
    await ok('attachRescuedVictim', { caseId, operationId, beneficiaryId: victims[0] });
    expect(await eventsOf(protection.sql, caseId)).toBe(before);

    const fourth = await registeredVictim(caseId);
    const afterFourth = await eventsOf(protection.sql, caseId);
    const { errors } = await send('attachRescuedVictim', {
      caseId,
      operationId,
      beneficiaryId: fourth,
    });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RESCUED_COUNT_REACHED',
    });
    expect(await eventsOf(protection.sql, caseId)).toBe(afterFourth);
  });

  it('refuses bad forms with a code and a message that quotes nothing, writing nothing', async () => {
    const before = await eventsOf(protection.sql, caseId);
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [
        'recordRescueOperation',
        {
          caseId,
          date: '2026-02-02',
          place: 'A house',
          personsRescued: -4,
          rescuedBeneficiaryIds: [],
        },
        'BAD_USER_INPUT',
      ],
      [
        'recordRescueOperation',
        {
          caseId,
          date: '2026-02-02',
          place: 'A house',
          personsRescued: 0,
          rescuedBeneficiaryIds: [(await registeredVictim(caseId)) as string],
        },
        'BAD_USER_INPUT',
      ],
      [
        'attachRescuedVictim',
        { caseId, operationId: randomUUID(), beneficiaryId: randomUUID() },
        'NOT_FOUND',
      ],
      ['attachRescuedVictim', { caseId, operationId: 'not-a-uuid', beneficiaryId: caseId }, ''],
    ];
    const afterSetup = await eventsOf(protection.sql, caseId);
    expect(afterSetup).toBe(before + 1);
    for (const [mutation, input, code] of attempts) {
      const { errors } = await send(mutation, input);
      expect(errors).toHaveLength(1);
      if (code) expect(errors![0].extensions?.code).toBe(code);
      expect(errors![0].message).not.toContain('-4');
      expect(errors![0].message).not.toContain(caseId);
      expect(errors![0].message).not.toContain('not-a-uuid');
    }
    expect(await eventsOf(protection.sql, caseId)).toBe(afterSetup);
  });
});
