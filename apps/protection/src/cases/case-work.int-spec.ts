// Working a protection case through the service's GraphQL API, on a real PostgreSQL, from rescue
// to a safe return: one case opened, its victims added, rescued, identified, placed and returned,
// its notes and guardian contact sealed, closed and reopened, then its timeline and a victim's.
// The tests build on each other, in order.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { findClearText } from '@haven/platform/testing';
import { protectionCaseStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import {
  addVictim,
  codes,
  eventsOf,
  laOfficer,
  legalOfficer,
  mutate,
  ok,
  openCase,
  summary,
  thOfficer,
  SUMMARY,
  type Errors,
} from '../testing/case-fixtures';
import { admin, auditor, officer, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

describe('working a case, from rescue to a safe return', () => {
  let caseId: string;
  let girl: string;
  let woman: string;
  const note = `Brothel owner keeps passports in the safe ${randomUUID().slice(0, 8)}`;
  const guardian = `Aunt Noy, +66 81 ${String(Date.now()).slice(-7)}`;

  beforeAll(async () => {
    girl = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
    });
    // A Lao woman taken in by the Thai programme: registered in TH (her scope), of Lao nationality.
    woman = await registerBeneficiary(protection.service, {
      country: 'TH',
      nationalityCode: 'LA',
      sex: 'FEMALE',
      minor: false,
    });
  });

  it('opens a case, returning its stream version and the case as queries show it', async () => {
    const payload = await openCase(protection.service, { country: 'TH', province: 'Rayong' });
    caseId = payload.caseId;
    expect(payload.streamVersion).toBe(1);
    expect(payload.protectionCase).toMatchObject({
      id: caseId,
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      status: 'OPEN',
      sourceNotificationId: null,
      hasMinors: false,
      streamVersion: 1,
      victims: [],
    });
  });

  it('adds victims (her record says whether she is a minor), once each', async () => {
    await addVictim(protection.service, { caseId, beneficiaryId: girl });
    const payload = await addVictim(protection.service, { caseId, beneficiaryId: woman });
    expect(payload.streamVersion).toBe(3);
    expect(payload.protectionCase!.hasMinors).toBe(true);
    expect(payload.protectionCase!.victims).toEqual([
      expect.objectContaining({ beneficiaryId: girl, minor: true }),
      expect.objectContaining({ beneficiaryId: woman, minor: false }),
    ]);

    const again = await mutate(protection.service, 'addVictimToCase', 'AddVictimToCaseInput', {
      caseId,
      beneficiaryId: girl,
    });
    expect(codes(again.errors)).toEqual([{ code: 'CONFLICT', reason: 'VICTIM_ALREADY_IN_CASE' }]);
    const unknown = await mutate(protection.service, 'addVictimToCase', 'AddVictimToCaseInput', {
      caseId,
      beneficiaryId: randomUUID(),
    });
    expect(codes(unknown.errors)).toEqual([{ code: 'NOT_FOUND', reason: 'BENEFICIARY_NOT_FOUND' }]);
  });

  it('records a rescue of the case’s victims, and refuses one that names someone else', async () => {
    const payload = await ok(
      protection.service,
      'recordRescueOperation',
      'RecordRescueOperationInput',
      {
        caseId,
        date: '2026-01-17',
        place: 'Karaoke bar, Mueang Rayong',
        partnerAgencies: ['Royal Thai Police', 'DSI'],
        rescuedBeneficiaryIds: [girl, woman],
      },
    );
    expect(payload.protectionCase!.rescueOperations).toEqual([
      {
        id: expect.any(String),
        date: '2026-01-17',
        place: 'Karaoke bar, Mueang Rayong',
        partnerAgencies: ['Royal Thai Police', 'DSI'],
        rescuedBeneficiaryIds: [girl, woman],
      },
    ]);
    const before = await eventsOf(protection.sql, caseId);
    const stranger = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: false,
    });
    const refused = await mutate(
      protection.service,
      'recordRescueOperation',
      'RecordRescueOperationInput',
      {
        caseId,
        date: '2026-01-18',
        place: 'Massage parlour',
        rescuedBeneficiaryIds: [stranger],
      },
    );
    expect(codes(refused.errors)).toEqual([{ code: 'CONFLICT', reason: 'VICTIM_NOT_IN_CASE' }]);
    expect(await eventsOf(protection.sql, caseId)).toBe(before);
  });

  it('refuses the escorted journey before identification or placement, then follows the return step by step', async () => {
    const early = await mutate(
      protection.service,
      'recordRepatriationStep',
      'RecordRepatriationStepInput',
      {
        caseId,
        beneficiaryId: woman,
        step: 'ESCORTED_JOURNEY',
        date: '2026-01-20',
      },
    );
    expect(codes(early.errors)).toEqual([
      { code: 'CONFLICT', reason: 'VICTIM_NOT_IDENTIFIED_OR_PLACED' },
    ]);

    await ok(protection.service, 'recordVictimIdentification', 'RecordVictimIdentificationInput', {
      caseId,
      beneficiaryId: woman,
      outcome: 'OFFICIALLY_IDENTIFIED',
      date: '2026-01-18',
      authority: 'Rayong provincial social development office',
    });
    const badPlacement = await mutate(
      protection.service,
      'recordShelterPlacement',
      'RecordShelterPlacementInput',
      {
        caseId,
        beneficiaryId: girl,
        shelterName: 'Kredtrakarn shelter',
        from: '2026-01-18',
        to: '2026-01-10',
      },
    );
    expect(codes(badPlacement.errors)).toEqual([
      { code: 'CONFLICT', reason: 'PLACEMENT_ENDS_BEFORE_START' },
    ]);
    await ok(protection.service, 'recordShelterPlacement', 'RecordShelterPlacementInput', {
      caseId,
      beneficiaryId: girl,
      shelterName: 'Kredtrakarn shelter',
      from: '2026-01-18',
    });
    for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
      await ok(protection.service, 'recordRepatriationStep', 'RecordRepatriationStepInput', {
        caseId,
        beneficiaryId: woman,
        step,
        date: '2026-01-20',
      });
    }
    // A minor needs a guardian or shelter contact on the case before her journey.
    const minorJourney = await mutate(
      protection.service,
      'recordRepatriationStep',
      'RecordRepatriationStepInput',
      {
        caseId,
        beneficiaryId: girl,
        step: 'ESCORTED_JOURNEY',
        date: '2026-01-21',
      },
    );
    expect(codes(minorJourney.errors)).toEqual([
      { code: 'CONFLICT', reason: 'GUARDIAN_CONTACT_REQUIRED' },
    ]);
    await ok(protection.service, 'recordGuardianContact', 'RecordGuardianContactInput', {
      caseId,
      kind: 'GUARDIAN',
      details: guardian,
    });
    const payload = await ok(
      protection.service,
      'recordRepatriationStep',
      'RecordRepatriationStepInput',
      {
        caseId,
        beneficiaryId: girl,
        step: 'ESCORTED_JOURNEY',
        date: '2026-01-21',
      },
    );
    const protectionCase = payload.protectionCase!;
    const steps = ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION'];
    expect(protectionCase.victims[0]).toMatchObject({
      beneficiaryId: girl,
      shelterPlacement: { shelterName: 'Kredtrakarn shelter', from: '2026-01-18', to: null },
      repatriationStepsDone: ['ESCORTED_JOURNEY'],
    });
    expect(protectionCase.victims[1]).toMatchObject({
      beneficiaryId: woman,
      identification: { outcome: 'OFFICIALLY_IDENTIFIED', date: '2026-01-18' },
      shelterPlacement: null,
      repatriationStepsDone: steps,
    });
    expect(protectionCase.shelterPlacements).toEqual([
      { beneficiaryId: girl, shelterName: 'Kredtrakarn shelter', from: '2026-01-18', to: null },
    ]);
    expect(protectionCase.repatriationSteps).toEqual([
      { beneficiaryId: girl, step: 'ESCORTED_JOURNEY', date: '2026-01-21' },
      ...steps.map((step) => ({ beneficiaryId: woman, step, date: '2026-01-20' })),
    ]);
    expect(payload.protectionCase!.guardianOrShelterContact).toEqual({ kind: 'GUARDIAN' });
  });

  it('seals investigation notes and the guardian contact: no clear text anywhere in the database', async () => {
    await ok(protection.service, 'addInvestigationNote', 'AddInvestigationNoteInput', {
      caseId,
      text: note,
    });
    const { rows } = await protection.sql.query(
      "SELECT data->>'text' AS text FROM event_store.events WHERE stream_id = $1 AND type = 'InvestigationNoteAdded'",
      [protectionCaseStreamId(caseId)],
    );
    expect(rows[0].text).toMatch(/^pii:v1:[A-Za-z0-9_-]+$/);
    expect(await findClearText(protection.sql, [note, guardian])).toEqual([]);
  });

  it('gives case workers the notes and contact in clear, logging each read first; auditors see the notes exist, never their text', async () => {
    const READ = `
      query ($id: ID!) {
        protectionCase(id: $id) {
          investigationNotes(purpose: "rescue planning") { id addedBy role text }
          guardianOrShelterContact { kind details(purpose: "return planning") }
        }
      }`;
    const read = await protection.service.graphql<{ protectionCase: Record<string, unknown> }>(
      READ,
      { id: caseId },
      {},
      { as: thOfficer },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.protectionCase).toEqual({
      investigationNotes: [
        { id: expect.any(String), addedBy: 'officer-th', role: 'protection_officer', text: note },
      ],
      guardianOrShelterContact: { kind: 'GUARDIAN', details: guardian },
    });
    const { rows: logged } = await protection.sql.query(
      `SELECT actor_id, record_type, fields, purpose FROM privacy.access_log
        WHERE record_id = $1 ORDER BY id`,
      [caseId],
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        {
          actor_id: 'officer-th',
          record_type: 'ProtectionCase',
          fields: ['investigationNotes.text'],
          purpose: 'rescue planning',
        },
        {
          actor_id: 'officer-th',
          record_type: 'ProtectionCase',
          fields: ['guardianOrShelterContact.details'],
          purpose: 'return planning',
        },
      ]),
    );

    const audited = await protection.service.graphql<{ protectionCase: Record<string, unknown> }>(
      `query ($id: ID!) { protectionCase(id: $id) { id investigationNotes { id addedBy text } } }`,
      { id: caseId },
      {},
      { as: auditor },
    );
    expect(audited.body.data!.protectionCase).toEqual({
      id: caseId,
      investigationNotes: [{ id: expect.any(String), addedBy: 'officer-th', text: null }],
    });
    expect(codes(audited.body.errors as Errors)).toEqual([
      { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
    ]);
    const { rows: byAuditor } = await protection.sql.query(
      `SELECT count(*)::int AS n FROM privacy.access_log WHERE actor_id = $1`,
      [auditor.subject],
    );
    expect(byAuditor[0].n).toBe(0);
  });

  it('closes the case (a minor victim has a guardian contact), then refuses a rescue with CONFLICT and writes nothing, until reopened', async () => {
    const closed = await ok(protection.service, 'closeProtectionCase', 'CloseProtectionCaseInput', {
      caseId,
      reason: 'VICTIMS_RETURNED',
    });
    expect(closed.protectionCase).toMatchObject({
      status: 'CLOSED',
      closureReason: 'VICTIMS_RETURNED',
      closedAt: expect.any(String),
    });

    const before = await eventsOf(protection.sql, caseId);
    const refused = await mutate(
      protection.service,
      'recordRescueOperation',
      'RecordRescueOperationInput',
      {
        caseId,
        date: '2026-01-25',
        place: 'Another bar',
        rescuedBeneficiaryIds: [girl],
      },
    );
    expect(refused.payload).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('closed'),
        extensions: expect.objectContaining({ code: 'CONFLICT', reason: 'CASE_CLOSED' }),
      }),
    ]);
    expect(await eventsOf(protection.sql, caseId)).toBe(before);

    const reopened = await ok(
      protection.service,
      'reopenProtectionCase',
      'ReopenProtectionCaseInput',
      {
        caseId,
        reason: 'NEW_INFORMATION',
      },
    );
    expect(reopened.protectionCase).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(reopened.streamVersion).toBe(before + 1);
  });

  it('shows the case’s timeline in order, with who did what and when, and no personal data', async () => {
    const response = await protection.service.graphql<{
      protectionCase: { timeline: { edges: Array<{ node: Record<string, unknown> }> } };
    }>(
      `query ($id: ID!) {
         protectionCase(id: $id) {
           timeline(first: 100) { edges { node { position type actorId role occurredAt summary { ${SUMMARY} } } } }
         }
       }`,
      { id: caseId },
      {},
      { as: legalOfficer },
    );
    expect(response.body.errors).toBeUndefined();
    const entries = response.body.data!.protectionCase.timeline.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.type)).toEqual([
      'ProtectionCaseOpened',
      'VictimAddedToCase',
      'VictimAddedToCase',
      'RescueOperationRecorded',
      'VictimIdentificationRecorded',
      'ShelterPlacementRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'GuardianContactRecorded',
      'RepatriationStepRecorded',
      'InvestigationNoteAdded',
      'ProtectionCaseClosed',
      'ProtectionCaseReopened',
    ]);
    const positions = entries.map((entry) => entry.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(entries.every((entry) => entry.actorId === 'officer-th')).toBe(true);
    // Taken in on the day of the command (no addedOn given): the day it was recorded.
    expect(entries[1].summary).toEqual(
      summary({
        beneficiaryId: girl,
        formOfExploitation: 'SEX_TRAFFICKING',
        minor: true,
        date: (entries[1].occurredAt as string).slice(0, 10),
      }),
    );
    expect(entries.find((entry) => entry.type === 'RescueOperationRecorded')!.summary).toEqual(
      summary({ operationId: expect.any(String), date: '2026-01-17', victimsRescued: 2 }),
    );
    const text = JSON.stringify(entries);
    for (const secret of [note, guardian, 'Karaoke', 'Kredtrakarn']) {
      expect(text).not.toContain(secret);
    }
  });

  it('pages a timeline with cursors', async () => {
    const PAGE = `
      query ($id: ID!, $after: String) {
        protectionCase(id: $id) {
          timeline(first: 10, after: $after) { edges { node { type } } pageInfo { hasNextPage endCursor } }
        }
      }`;
    type Page = {
      protectionCase: {
        timeline: { edges: Array<{ node: { type: string } }>; pageInfo: Record<string, unknown> };
      };
    };
    const first = await protection.service.graphql<Page>(
      PAGE,
      { id: caseId },
      {},
      { as: thOfficer },
    );
    const { pageInfo } = first.body.data!.protectionCase.timeline;
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await protection.service.graphql<Page>(
      PAGE,
      { id: caseId, after: pageInfo.endCursor },
      {},
      { as: thOfficer },
    );
    expect(second.body.data!.protectionCase.timeline.edges).toHaveLength(5);
    expect(second.body.data!.protectionCase.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a beneficiary’s timeline: her registration, then what the cases in your countries did about her', async () => {
    // She is also a victim of a case in Laos, which a Thai officer does not see (added by an
    // officer of both countries: a beneficiary out of one's scope cannot be named).
    const laCase = await openCase(protection.service, { country: 'LA' }, laOfficer);
    const bothCountries = officer(['TH', 'LA'], 'officer-th-la');
    await addVictim(
      protection.service,
      { caseId: laCase.caseId, beneficiaryId: girl },
      bothCountries,
    );

    const TIMELINE = `
      query ($id: ID!) {
        beneficiary(id: $id) { timeline { edges { node { type caseId } } } }
      }`;
    type Timeline = {
      beneficiary: {
        timeline: { edges: Array<{ node: { type: string; caseId: string | null } }> };
      };
    };
    const asThai = await protection.service.graphql<Timeline>(
      TIMELINE,
      { id: girl },
      {},
      { as: thOfficer },
    );
    expect(asThai.body.errors).toBeUndefined();
    expect(asThai.body.data!.beneficiary.timeline.edges.map((edge) => edge.node)).toEqual([
      { type: 'BeneficiaryRegistered', caseId: null },
      { type: 'VictimAddedToCase', caseId },
      { type: 'RescueOperationRecorded', caseId },
      { type: 'ShelterPlacementRecorded', caseId },
      { type: 'RepatriationStepRecorded', caseId },
    ]);
    const asAdmin = await protection.service.graphql<Timeline>(
      TIMELINE,
      { id: girl },
      {},
      { as: admin('a') },
    );
    expect(asAdmin.body.data!.beneficiary.timeline.edges.map((edge) => edge.node)).toContainEqual({
      type: 'VictimAddedToCase',
      caseId: laCase.caseId,
    });
  });
});
