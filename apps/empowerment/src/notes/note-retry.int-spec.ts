// A note sent again under the same id, against the real empowerment app and PostgreSQL: the same
// author with the same text is a retry (nothing new written, though the text is sealed anew each
// time), while another text or another author under that id is a CONFLICT quoting no value.
import { randomUUID } from 'node:crypto';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import { EMPOWERMENT_MIGRATIONS } from '@haven/empowerment/read-models';
import { PostgresEventStore, type EventMetadata } from '@haven/platform/event-store';
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId, type BeneficiaryEvent } from '@haven/protection/contracts';
import { AppModule } from '../app.module';

let service: TestService;
let store: PostgresEventStore;

const officer: Principal = {
  subject: 'officer-th-1',
  role: 'empowerment_officer',
  countries: ['TH'],
  organisationId: null,
};
const colleague: Principal = { ...officer, subject: 'officer-th-2' };
const metadata: EventMetadata = {
  actorId: 'prot-th',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const NOTE = `mutation ($input: RecordEmpowermentNoteInput!) {
  recordEmpowermentNote(input: $input) { id streamVersion }
}`;

let enrolmentId: string;

async function send(principal: Principal, input: Record<string, unknown>) {
  return (await service.graphql(NOTE, { input }, {}, { as: principal })).body;
}

const streamLength = async () => (await store.readStream(enrolmentStreamId(enrolmentId))).length;

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [EMPOWERMENT_MIGRATIONS] });
  store = new PostgresEventStore({ connectionString: service.db.url });
  const beneficiaryId = randomUUID();
  const events = [
    {
      type: 'BeneficiaryRegistered',
      data: {
        beneficiaryId,
        referenceCode: `BEN-TH-${beneficiaryId.slice(0, 6)}`,
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        nationality: 'TH',
        ageYears: 15,
        registeredAt: '2026-01-01T00:00:00.000Z',
      },
    },
    {
      type: 'ConsentRecorded',
      data: {
        beneficiaryId,
        kind: 'SERVICES',
        partnerOrganisationId: null,
        given: true,
        recordedOn: '2026-01-02',
      },
    },
  ] as BeneficiaryEvent[];
  const appended = await store.append(
    beneficiaryStreamId(beneficiaryId),
    events.map((event) => ({ ...event, metadata })),
    'no_stream',
  );
  await service.app
    .get(ServiceDatabase)
    .waitForProjections(appended.globalPositions[appended.globalPositions.length - 1]);
  enrolmentId = randomUUID();
  const enrolled = await service.graphql(
    `mutation ($input: EnrolBeneficiaryInput!) { enrolBeneficiary(input: $input) { id } }`,
    {
      input: {
        enrolmentId,
        beneficiaryId,
        setting: { kind: 'SHELTER', shelterName: 'Kredtrakarn', governmentRun: true },
        enrolledOn: day(-5),
      },
    },
    {},
    { as: officer },
  );
  expect(enrolled.body.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await store?.close();
  await service?.close();
});

describe('a note sent again under the same id', () => {
  const noteId = randomUUID();
  const text = `She spoke about her mother today. retry-marker-${randomUUID()}`;
  const note = () => ({ noteId, enrolmentId, topic: 'COUNSELLING', writtenOn: day(-1), text });

  it('given a note, when its author sends the same text again, then it succeeds and nothing new is written', async () => {
    const first = await send(officer, note());
    expect(first.errors).toBeUndefined();
    const length = await streamLength();
    const again = await send(officer, note());
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await streamLength()).toBe(length);
  });

  it('given a note, when another text comes under its id, then it is a CONFLICT quoting no value, and nothing is written', async () => {
    const length = await streamLength();
    const other = `Another account entirely. other-marker-${randomUUID()}`;
    const refused = await send(officer, { ...note(), text: other });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ID_ALREADY_USED',
    });
    expect(JSON.stringify(refused.errors)).not.toContain('marker');
    expect(JSON.stringify(refused.errors)).not.toContain(noteId);
    expect(await streamLength()).toBe(length);
  });

  it('given a note, when another officer sends the same text under its id, then it is a CONFLICT, and nothing is written', async () => {
    const length = await streamLength();
    const refused = await send(colleague, note());
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ID_ALREADY_USED',
    });
    expect(await streamLength()).toBe(length);
    expect(service.rawLogs()).not.toContain('marker');
  });
});
