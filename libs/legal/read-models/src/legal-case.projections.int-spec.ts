// Replays every event type legal's projections declare, decided by the deciders themselves (so
// the shapes are the real ones), and checks the rows, then that a rebuild gives the same rows.
import { randomUUID } from 'node:crypto';
import {
  ADVOCACY_INTEGRATION_EVENT_TYPES,
  advocacyActionStreamId,
  LEGAL_CASE_INTEGRATION_EVENT_TYPES,
  legalCaseStreamId,
} from '@haven/legal/contracts';
import {
  advocacyDecider,
  LEGAL_CASE_INTERNAL_EVENT_TYPES,
  legalCaseDecider,
  type BeneficiaryFacts,
  type LegalCaseCommand,
  type LegalCaseEvent,
  type LegalCaseState,
} from '@haven/legal/domain';
import {
  type EventMetadata,
  type JsonObject,
  type PostgresEventStore,
} from '@haven/platform/event-store';
import { startReadModelTestBed, type ReadModelTestBed } from '@haven/platform/projections/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import type { DataSource } from 'typeorm';
import {
  AdvocacyActionRow,
  BeneficiaryLegalCases,
  CompensationClaimRow,
  EvidenceDocumentRow,
  KnownBeneficiaryRow,
  LEGAL_ENTITIES,
  LEGAL_MIGRATIONS,
  LEGAL_PROJECTIONS,
  LegalCaseRow,
  OffenderRow,
  ServiceOccasionRow,
} from './index';

let bed: ReadModelTestBed;
let store: PostgresEventStore;
let dataSource: DataSource;

const metadata: EventMetadata = {
  actorId: 'legal-th-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-12-01T08:00:00.000Z',
};

beforeAll(async () => {
  bed = await startReadModelTestBed({
    name: 'legal_projection',
    migrations: LEGAL_MIGRATIONS,
    entities: LEGAL_ENTITIES,
    projections: LEGAL_PROJECTIONS,
  });
  ({ store, dataSource } = bed);
});

afterAll(async () => {
  await bed?.close();
});

/** Decides each command against the stream as it stands and appends the events. */
async function decideAll(
  caseId: string,
  commands: Array<LegalCaseCommand['data'] & { type: string }>,
) {
  const stream = legalCaseStreamId(caseId);
  let state: LegalCaseState = legalCaseDecider.initialState();
  const all: LegalCaseEvent[] = [];
  for (const { type, ...data } of commands) {
    const events = legalCaseDecider.decide({ type, data, metadata } as LegalCaseCommand, state);
    await store.append(
      stream,
      events.map((event) => ({
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata,
      })),
      all.length ? 'stream_exists' : 'no_stream',
    );
    state = events.reduce(legalCaseDecider.evolve, state);
    all.push(...events);
  }
  return all;
}

describe('legal projections', () => {
  it('declare every legal event type between them, and a projection of protection’s consents', () => {
    const handled = new Set(LEGAL_PROJECTIONS.flatMap((projection) => projection.handles));
    for (const type of [
      ...LEGAL_CASE_INTEGRATION_EVENT_TYPES,
      ...LEGAL_CASE_INTERNAL_EVENT_TYPES,
      ...ADVOCACY_INTEGRATION_EVENT_TYPES,
    ]) {
      expect(handled).toContain(type);
    }
    expect(handled).toContain('ConsentRecorded');
  });

  it('given a case worked from opening to payment, then each row shows it, and a rebuild gives the same rows', async () => {
    const caseId = randomUUID();
    const [ana, bua] = [randomUUID(), randomUUID()];
    const offenderId = randomUUID();
    const [documentId, occasionId, claimId, paymentId, actionId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });

    // Protection's side, as legal reads it on the log.
    const registered = (id: string) => ({
      type: 'BeneficiaryRegistered',
      data: {
        beneficiaryId: id,
        referenceCode: `BEN-TH-${id.slice(0, 4)}`,
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        registeredAt: '2019-05-01T00:00:00.000Z',
      },
      metadata,
    });
    const consent = (id: string, given: boolean) => ({
      type: 'ConsentRecorded',
      data: {
        beneficiaryId: id,
        kind: 'LEGAL_ACTION',
        partnerOrganisationId: null,
        given,
        recordedOn: '2019-05-02',
      },
      metadata,
    });
    await store.append(
      beneficiaryStreamId(ana),
      [registered(ana), consent(ana, true)],
      'no_stream',
    );
    await store.append(
      beneficiaryStreamId(bua),
      [
        registered(bua),
        consent(bua, true),
        consent(bua, false),
        {
          type: 'BeneficiaryErased',
          data: {
            beneficiaryId: bua,
            requestedBy: 'a',
            confirmedBy: 'b',
            erasedAt: '2020-01-01T00:00:00.000Z',
          },
          metadata,
        },
      ],
      'no_stream',
    );

    const facts = (beneficiaryId: string): BeneficiaryFacts => ({
      beneficiaryId,
      known: true,
      erased: false,
      legalActionConsent: true,
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
    });
    await decideAll(caseId, [
      {
        type: 'OpenLegalCase',
        caseId,
        kind: 'SEX_TRAFFICKING',
        country: 'TH',
        province: 'Rayong',
        court: 'Rayong Provincial Court',
        sourceProtectionCaseId: null,
        exploitedIn: null,
        stage: 'INVESTIGATION',
        openedOn: '2019-06-01',
        staffLawyerIds: ['legal-th-1'],
        lawFirmId: null,
        parties: [{ facts: facts(ana), role: 'VICTIM' }],
      },
      {
        type: 'AssignLawyers',
        caseId,
        staffLawyerIds: ['legal-th-1', 'legal-th-2'],
        lawFirmId: null,
        on: '2019-06-02',
      },
      {
        type: 'AddOffender',
        caseId,
        offenderId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        status: 'UNDER_INVESTIGATION',
        identity: { names: 'pii:v1:sealed-names', aliases: null, notes: null },
        on: '2019-06-02',
      },
      { type: 'ChangeOffenderStatus', caseId, offenderId, status: 'IN_CUSTODY', on: '2019-06-10' },
      {
        type: 'RecordEvidenceDocument',
        caseId,
        documentId,
        beneficiary: facts(ana),
        kind: 'PASSPORT',
        issuingCountry: 'LA',
        content: 'pii:v1:sealed-content',
        on: '2019-07-01',
      },
      {
        type: 'VerifyEvidenceDocument',
        caseId,
        documentId,
        verifiedBy: 'COURT',
        finding: 'FALSIFIED',
        on: '2020-05-01',
      },
      {
        type: 'RecordServiceOccasion',
        caseId,
        occasionId,
        kind: 'ATTENDING_HEARING',
        on: '2020-03-01',
        concerned: [facts(ana)],
      },
      { type: 'ChangeLegalCaseStage', caseId, stage: 'TRIAL', on: '2020-03-01' },
      {
        type: 'RecordVerdict',
        caseId,
        offenderId,
        outcome: 'CONVICTED',
        pronounced: { termYears: 25, termMonths: 6, fine: thb(77_000) },
        final: { termYears: 12, termMonths: 9, fine: thb(38_500) },
        on: '2020-10-01',
      },
      { type: 'AppealVerdict', caseId, offenderId, on: '2020-10-20' },
      {
        type: 'ClaimCompensation',
        caseId,
        claimId,
        beneficiary: facts(ana),
        source: 'STATE_FUND',
        claimed: thb(50_000),
        on: '2020-10-02',
      },
      { type: 'ApproveCompensation', caseId, claimId, approved: thb(30_000), on: '2020-11-01' },
      {
        type: 'ReceiveCompensationPayment',
        caseId,
        claimId,
        paymentId,
        amount: thb(10_000),
        on: '2020-11-15',
      },
      { type: 'CloseLegalCase', caseId, on: '2020-12-01' },
      { type: 'ReopenLegalCase', caseId, stage: 'APPEAL', on: '2020-12-01' },
    ] as never);
    const advocacy = advocacyDecider.decide(
      {
        type: 'RecordAdvocacyAction',
        data: {
          actionId,
          kind: 'PETITION',
          country: 'LA',
          subject: 'Cross-border age verification',
          partnerOrganisationIds: [],
          outcome: 'PENDING',
          on: '2020-09-01',
        },
        metadata,
      },
      advocacyDecider.initialState(),
    );
    const outcome = advocacyDecider.decide(
      {
        type: 'RecordAdvocacyOutcome',
        data: { actionId, outcome: 'ACHIEVED', on: '2020-11-01' },
        metadata,
      },
      advocacy.reduce(advocacyDecider.evolve, advocacyDecider.initialState()),
    );
    await store.append(
      advocacyActionStreamId(actionId),
      [...advocacy, ...outcome].map((event) => ({
        ...event,
        data: event.data as unknown as JsonObject,
        metadata,
      })),
      'no_stream',
    );
    await bed.caughtUp();

    const snapshot = async () => ({
      known: await dataSource.getRepository(KnownBeneficiaryRow).find({
        where: [{ beneficiaryId: ana }, { beneficiaryId: bua }],
        order: { beneficiaryId: 'ASC' },
      }),
      legalCase: await dataSource.getRepository(LegalCaseRow).findOneByOrFail({ id: caseId }),
      count: await dataSource
        .getRepository(BeneficiaryLegalCases)
        .findOneBy({ beneficiaryId: ana }),
      offender: await dataSource.getRepository(OffenderRow).findOneByOrFail({ id: offenderId }),
      occasion: await dataSource
        .getRepository(ServiceOccasionRow)
        .findOneByOrFail({ id: occasionId }),
      document: await dataSource
        .getRepository(EvidenceDocumentRow)
        .findOneByOrFail({ id: documentId }),
      claim: await dataSource.getRepository(CompensationClaimRow).findOneByOrFail({ id: claimId }),
      action: await dataSource.getRepository(AdvocacyActionRow).findOneByOrFail({ id: actionId }),
    });
    const before = await snapshot();

    expect(before.known.find((row) => row.beneficiaryId === ana)).toMatchObject({
      country: 'TH',
      minor: true,
      legalActionConsent: true,
      erased: false,
    });
    expect(before.known.find((row) => row.beneficiaryId === bua)).toMatchObject({
      legalActionConsent: false,
      erased: true,
    });
    expect(before.legalCase).toMatchObject({
      country: 'TH',
      openedOn: '2019-06-01',
      openedYear: 2019,
      stage: 'APPEAL',
      closedOn: null,
      staffLawyerIds: ['legal-th-1', 'legal-th-2'],
      beneficiaryIds: [ana],
      parties: [{ beneficiaryId: ana, role: 'VICTIM', joinedOn: '2019-06-01' }],
      offenderStatuses: { [offenderId]: 'SENTENCED' },
    });
    expect(before.count).toEqual({ beneficiaryId: ana, count: 1 });
    expect(before.offender).toMatchObject({
      country: 'TH',
      status: 'SENTENCED',
      statusSince: '2020-10-01',
      statusHistory: [
        { from: null, to: 'UNDER_INVESTIGATION', on: '2019-06-02' },
        { from: 'UNDER_INVESTIGATION', to: 'IN_CUSTODY', on: '2019-06-10' },
        { from: 'IN_CUSTODY', to: 'SENTENCED', on: '2020-10-01' },
      ],
      sealedNames: 'pii:v1:sealed-names',
      verdictOutcome: 'CONVICTED',
      pronouncedSentence: { termYears: 25, termMonths: 6, fine: thb(77_000) },
      finalSentence: { termYears: 12, termMonths: 9, fine: thb(38_500) },
      appealedOn: '2020-10-20',
    });
    expect(before.occasion).toMatchObject({
      kind: 'ATTENDING_HEARING',
      on: '2020-03-01',
      beneficiaryIds: [ana],
      recordedBy: 'legal-th-1',
    });
    expect(before.document).toMatchObject({
      kind: 'PASSPORT',
      issuingCountry: 'LA',
      sealedContent: 'pii:v1:sealed-content',
      verifications: [{ verifiedBy: 'COURT', finding: 'FALSIFIED', on: '2020-05-01' }],
    });
    expect(before.claim).toMatchObject({
      source: 'STATE_FUND',
      currency: 'THB',
      claimedMinor: 5_000_000,
      approvedMinor: 3_000_000,
      approvedOn: '2020-11-01',
      paidMinor: 1_000_000,
      payments: [{ paymentId, amountMinor: 1_000_000, on: '2020-11-15' }],
    });
    expect(before.action).toMatchObject({ kind: 'PETITION', country: 'LA', outcome: 'ACHIEVED' });

    for (const runner of bed.runners) await runner.rebuild();
    await bed.caughtUp();
    expect(await snapshot()).toEqual(before);
  });
});
