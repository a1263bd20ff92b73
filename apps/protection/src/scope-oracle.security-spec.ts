// A command or a read naming a record the caller may not see must answer exactly as for an id
// that names nothing: NOT_FOUND, with the same reason and message, and nothing written. Otherwise
// anyone who holds or guesses an id learns that a person, or a case, exists outside their scope.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { admin, officer, partner, registerBeneficiary } from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
type Body = { data?: unknown; errors?: Errors };

const thOfficer = officer(['TH'], 'officer-th-oracle');
const laOfficer = officer(['LA'], 'officer-la-oracle');

async function send(query: string, variables: Record<string, unknown>, as: Principal) {
  return (await protection.service.graphql(query, variables, {}, { as })).body as Body;
}

/** What an answer tells the caller: its data, and its error's code, reason and message. */
function answer(body: Body) {
  const [error] = body.errors ?? [];
  return {
    data: body.data ?? null,
    message: error?.message,
    code: error?.extensions?.code,
    reason: error?.extensions?.reason,
  };
}

const RECORD_CONSENT = `mutation ($input: RecordConsentInput!) {
  recordConsent(input: $input) { beneficiaryId }
}`;
const RESOLVE_DUPLICATE = `mutation ($input: ResolvePossibleDuplicateInput!) {
  resolvePossibleDuplicate(input: $input) { beneficiaryId }
}`;

describe('a beneficiary command on a beneficiary out of the caller’s scope', () => {
  it('recordConsent answers as for an id that names nobody, writing nothing', async () => {
    // Given a Lao beneficiary, and an id that names nobody
    const laoId = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
    });
    const consent = (beneficiaryId: string) => ({
      input: { beneficiaryId, kind: 'SERVICES', given: true, recordedOn: '2026-01-10' },
    });
    const before = await protection.eventCount();

    // When a Thai officer records a consent on each
    const outOfScope = await send(RECORD_CONSENT, consent(laoId), thOfficer);
    const absent = await send(RECORD_CONSENT, consent(randomUUID()), thOfficer);

    // Then both answers are the same NOT_FOUND, and nothing was written
    expect(answer(outOfScope)).toEqual({
      data: null,
      message: expect.any(String),
      code: 'NOT_FOUND',
      reason: 'BENEFICIARY_NOT_FOUND',
    });
    expect(answer(outOfScope)).toEqual(answer(absent));
    expect(await protection.eventCount()).toBe(before);
    // And the officer of the beneficiary's own country records it
    expect((await send(RECORD_CONSENT, consent(laoId), laOfficer)).errors).toBeUndefined();
  });

  it('recordConsent by another organisation’s partner answers as for an id that names nobody', async () => {
    const ownId = await registerBeneficiary(
      protection.service,
      { country: 'TH', sex: 'MALE', minor: false },
      partner('org-oracle-a'),
    );
    const consent = (beneficiaryId: string) => ({
      input: { beneficiaryId, kind: 'SERVICES', given: true, recordedOn: '2026-01-10' },
    });
    const before = await protection.eventCount();
    const policy = await send(RECORD_CONSENT, consent(ownId), partner('org-oracle-b'));
    const absent = await send(RECORD_CONSENT, consent(randomUUID()), partner('org-oracle-b'));
    // Partners may not record consents at all: the policy refuses both alike, before any load.
    expect(answer(policy)).toEqual(answer(absent));
    expect(await protection.eventCount()).toBe(before);
  });

  it('resolvePossibleDuplicate answers as for an id that names nobody, writing nothing', async () => {
    // Given two Lao registrations of the same person, flagged as possible duplicates
    const person = {
      country: 'LA',
      sex: 'FEMALE',
      minor: false,
      personal: { givenName: `Noy${randomUUID()}`, dateOfBirth: '2001-02-03' },
    };
    const firstId = await registerBeneficiary(protection.service, person, admin('admin-oracle'));
    const secondId = await registerBeneficiary(protection.service, person, admin('admin-oracle'));
    const decision = (beneficiaryId: string) => ({
      input: { beneficiaryId, candidateId: firstId, decision: 'DIFFERENT_PEOPLE' },
    });
    const before = await protection.eventCount();

    // When a Thai officer decides on it, and on an id that names nobody
    const outOfScope = await send(RESOLVE_DUPLICATE, decision(secondId), thOfficer);
    const absent = await send(RESOLVE_DUPLICATE, decision(randomUUID()), thOfficer);

    // Then the answers are the same, and nothing was written
    expect(answer(outOfScope)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BENEFICIARY_NOT_FOUND',
    });
    expect(answer(outOfScope)).toEqual(answer(absent));
    expect(await protection.eventCount()).toBe(before);
    expect((await send(RESOLVE_DUPLICATE, decision(secondId), laOfficer)).errors).toBeUndefined();
  });
});

const OPEN = `mutation ($input: OpenProtectionCaseInput!) { openProtectionCase(input: $input) { caseId } }`;
const NOTE = `mutation ($input: AddInvestigationNoteInput!) { addInvestigationNote(input: $input) { caseId } }`;
const RESCUE = `mutation ($input: RecordRescueOperationInput!) { recordRescueOperation(input: $input) { caseId } }`;
const CLOSE = `mutation ($input: CloseProtectionCaseInput!) { closeProtectionCase(input: $input) { caseId } }`;
const ADD_VICTIM = `mutation ($input: AddVictimToCaseInput!) { addVictimToCase(input: $input) { caseId } }`;
const READ_CASE = `query ($id: ID!) { protectionCase(id: $id) { id country } }`;

async function openCase(country: string, as: Principal): Promise<string> {
  const input = { country, abroad: false, formOfExploitation: 'SEX_TRAFFICKING' };
  const body = await send(OPEN, { input }, as);
  expect(body.errors).toBeUndefined();
  return (body.data as { openProtectionCase: { caseId: string } }).openProtectionCase.caseId;
}

describe('a case command or read on a case out of the caller’s countries', () => {
  it('answers each as for an id that names no case, writing nothing', async () => {
    // Given a Lao case, and an id that names no case
    const laoCase = await openCase('LA', laOfficer);
    const noCase = randomUUID();
    const commands: Array<[string, (caseId: string) => Record<string, unknown>]> = [
      [NOTE, (caseId) => ({ input: { caseId, text: 'Seen at the border' } })],
      [
        RESCUE,
        (caseId) => ({
          input: { caseId, date: '2026-01-17', place: 'Vientiane', rescuedBeneficiaryIds: [] },
        }),
      ],
      [CLOSE, (caseId) => ({ input: { caseId, reason: 'NO_VICTIM_FOUND' } })],
      [READ_CASE, (caseId) => ({ id: caseId })],
    ];
    const before = await protection.eventCount();
    for (const [query, variables] of commands) {
      // When a Thai officer sends it to the Lao case and to no case
      const outOfScope = await send(query, variables(laoCase), thOfficer);
      const absent = await send(query, variables(noCase), thOfficer);
      // Then both answer the same NOT_FOUND
      expect(answer(outOfScope)).toMatchObject({ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' });
      expect(answer(outOfScope)).toEqual(answer(absent));
    }
    // And nothing was written, nor any key made for the Lao case's sealed text
    expect(await protection.eventCount()).toBe(before);
    const { rows } = await protection.sql.query(
      'SELECT 1 FROM privacy.person_keys WHERE subject_id = $1',
      [laoCase],
    );
    expect(rows).toEqual([]);
  });

  it('addVictimToCase with a beneficiary out of scope answers as for one never registered', async () => {
    // Given a Thai case, a Lao beneficiary, and an id that names nobody
    const thaiCase = await openCase('TH', thOfficer);
    const laoId = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
    });
    const add = (beneficiaryId: string) => ({ input: { caseId: thaiCase, beneficiaryId } });
    const before = await protection.eventCount();

    // When a Thai officer adds each to the Thai case
    const outOfScope = await send(ADD_VICTIM, add(laoId), thOfficer);
    const absent = await send(ADD_VICTIM, add(randomUUID()), thOfficer);

    // Then both answer the same, and nothing of her reached the case
    expect(answer(outOfScope)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BENEFICIARY_NOT_FOUND',
    });
    expect(answer(outOfScope)).toEqual(answer(absent));
    expect(await protection.eventCount()).toBe(before);
    // And an officer of both countries adds her
    const both = officer(['TH', 'LA'], 'officer-th-la-oracle');
    expect((await send(ADD_VICTIM, add(laoId), both)).errors).toBeUndefined();
  });
});
