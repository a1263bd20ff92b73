// A note sent again under the same id, against the real empowerment app and PostgreSQL: the same
// author with the same text is a retry (nothing new written, though the text is sealed anew each
// time), while another text or another author under that id is a CONFLICT quoting no value.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@haven/platform/security';
import { day, useEmpowermentService } from '../testing/empowerment-spec-harness';

const empowerment = useEmpowermentService();

const officer: Principal = {
  subject: 'officer-th-1',
  role: 'empowerment_officer',
  countries: ['TH'],
  organisationId: null,
};
const colleague: Principal = { ...officer, subject: 'officer-th-2' };

const NOTE = `mutation ($input: RecordEmpowermentNoteInput!) {
  recordEmpowermentNote(input: $input) { id streamVersion }
}`;

let enrolmentId: string;

async function send(principal: Principal, input: Record<string, unknown>) {
  return (await empowerment.service.graphql(NOTE, { input }, {}, { as: principal })).body;
}

beforeAll(async () => {
  const beneficiaryId = await empowerment.registerBeneficiary();
  enrolmentId = await empowerment.enrol(beneficiaryId, officer, day(-5));
});

describe('a note sent again under the same id', () => {
  const noteId = randomUUID();
  const text = `She spoke about her mother today. retry-marker-${randomUUID()}`;
  const note = () => ({ noteId, enrolmentId, topic: 'COUNSELLING', writtenOn: day(-1), text });

  it('given a note, when its author sends the same text again, then it succeeds and nothing new is written', async () => {
    const first = await send(officer, note());
    expect(first.errors).toBeUndefined();
    const length = await empowerment.streamLength(enrolmentId);
    const again = await send(officer, note());
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await empowerment.streamLength(enrolmentId)).toBe(length);
  });

  it('given a note, when another text comes under its id, then it is a CONFLICT quoting no value, and nothing is written', async () => {
    const length = await empowerment.streamLength(enrolmentId);
    const other = `Another account entirely. other-marker-${randomUUID()}`;
    const refused = await send(officer, { ...note(), text: other });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ID_ALREADY_USED',
    });
    expect(JSON.stringify(refused.errors)).not.toContain('marker');
    expect(JSON.stringify(refused.errors)).not.toContain(noteId);
    expect(await empowerment.streamLength(enrolmentId)).toBe(length);
  });

  it('given a note, when another officer sends the same text under its id, then it is a CONFLICT, and nothing is written', async () => {
    const length = await empowerment.streamLength(enrolmentId);
    const refused = await send(colleague, note());
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ID_ALREADY_USED',
    });
    expect(await empowerment.streamLength(enrolmentId)).toBe(length);
    expect(empowerment.service.rawLogs()).not.toContain('marker');
  });
});
