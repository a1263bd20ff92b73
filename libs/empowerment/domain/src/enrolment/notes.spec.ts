import type { EmpowermentIntegrationEvent } from '@haven/empowerment/contracts';
import { deciderSpecification } from '@haven/platform/decider-testing';
import { IdAlreadyUsed } from '../errors';
import { enrolmentDecider } from './enrolment';
import type { EnrolmentCommand, EnrolmentEvent } from './enrolment-types';

const spec = deciderSpecification(enrolmentDecider);
const enrolmentId = '0193b000-0000-7000-8000-000000000001';
const beneficiaryId = '0193b000-0000-7000-8000-0000000000b1';
const noteId = '0193b000-0000-7000-8000-0000000000f1';
const metadata = {
  actorId: 'officer-7',
  role: 'empowerment_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-06-15T08:00:00.000Z',
};
const enrolled: EmpowermentIntegrationEvent = {
  type: 'BeneficiaryEnrolled',
  schemaVersion: 2,
  data: {
    enrolmentId,
    beneficiaryId,
    country: 'TH',
    nationality: 'MM',
    ageYears: 16,
    sex: 'FEMALE',
    minor: true,
    setting: {
      kind: 'SHELTER',
      shelterName: 'Kredtrakarn',
      governmentRun: true,
      province: null,
      district: null,
    },
    enrolledOn: '2026-03-01',
  },
};

/** The same text sealed twice: the ciphertexts differ (a fresh nonce), the digests do not. */
const note = (sealedText: string, textDigest = 'digest-of-officer-7-and-the-text') =>
  ({
    type: 'RecordEmpowermentNote',
    data: {
      erased: false,
      noteId,
      topic: 'COUNSELLING',
      writtenOn: '2026-03-05',
      sealedText,
      textDigest,
    },
    metadata,
  }) as EnrolmentCommand;
const recorded: EnrolmentEvent = {
  type: 'EmpowermentNoteRecorded',
  data: {
    enrolmentId,
    beneficiaryId,
    noteId,
    topic: 'COUNSELLING',
    writtenOn: '2026-03-05',
    sealedText: 'pii:v1:first-seal',
    textDigest: 'digest-of-officer-7-and-the-text',
  },
};

describe('notes sent again under the same id', () => {
  it('given an enrolment, when a note arrives, then it is recorded with its sealed text and digest', () =>
    spec.given([enrolled]).when(note('pii:v1:first-seal')).then([recorded]));

  it('given a note, when its author sends the same text again (sealed anew), then nothing changes', () =>
    spec.given([enrolled, recorded]).when(note('pii:v1:second-seal')).then([]));

  it('given a note, when another text (or another author: another digest) comes under its id, then it is a conflict', () =>
    spec
      .given([enrolled, recorded])
      .when(note('pii:v1:second-seal', 'digest-of-another-text'))
      .thenThrows(IdAlreadyUsed));

  it('given a note, when the same text comes under its id with another topic, then it is a conflict', () =>
    spec
      .given([enrolled, recorded])
      .when({
        ...note('pii:v1:second-seal'),
        data: { ...note('x').data, topic: 'FAMILY_SITUATION' },
      } as EnrolmentCommand)
      .thenThrows(IdAlreadyUsed));

  it('given a note recorded before digests were kept, when it is sent again, then it is a conflict (it cannot be told a retry)', () => {
    const { textDigest: _digest, ...older } = recorded.data as { textDigest?: string };
    spec
      .given([enrolled, { type: 'EmpowermentNoteRecorded', data: older } as EnrolmentEvent])
      .when(note('pii:v1:second-seal'))
      .thenThrows(IdAlreadyUsed);
  });
});
