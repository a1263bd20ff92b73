// The protection case decider's decisions along each victim's journey (decide-journey.ts):
// rescue operations, identification and shelter placement, and the steps of repatriation.
import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  CaseRecordIdTaken,
  GuardianContactRequired,
  InvalidProtectionCaseData,
  PlacementEndsBeforeStart,
  ProtectionCaseIsClosed,
  RepatriationStepOutOfOrder,
  VictimNotIdentifiedOrPlaced,
  VictimNotInCase,
} from './errors';
import {
  protectionCaseDecider,
  type ProtectionCaseCommand,
  type ProtectionCaseEvent,
} from './protection-case';
import {
  added,
  at,
  caseId,
  closed,
  command,
  contact,
  expectCode,
  girl,
  opened,
  placementId,
  recordStep,
  rescue,
  rescued,
  stranger,
  woman,
} from './protection-case-test-fixtures';

const spec = deciderSpecification(protectionCaseDecider);

const identified = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'VictimIdentificationRecorded',
  data: {
    caseId,
    beneficiaryId,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2026-11-18',
    authority: 'Rayong provincial social development office',
    recordedAt: at,
  },
});

const placed = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'ShelterPlacementRecorded',
  data: {
    caseId,
    beneficiaryId,
    placementId,
    shelterName: 'Kredtrakarn shelter',
    from: '2026-11-18',
    to: null,
    recordedAt: at,
  },
});

const step = (beneficiaryId: string, name: string, date = '2026-11-19'): ProtectionCaseEvent =>
  ({
    type: 'RepatriationStepRecorded',
    data: { caseId, beneficiaryId, step: name, date, recordedAt: at },
  }) as ProtectionCaseEvent;

describe('Protection case decider: rescue operations', () => {
  it('given victims of the case, when an operation rescues some of them, then it is recorded', () => {
    spec
      .given([opened, added(girl, true), added(woman, false)])
      .when(rescue([girl]))
      .then([rescued([girl])]);
  });

  it('given an open case, when an operation rescued nobody (an empty raid), then it is recorded', () => {
    spec
      .given([opened])
      .when(rescue([]))
      .then([rescued([])]);
  });

  it('given a case, when an operation names someone who is not a victim of the case, then it fails', () => {
    spec
      .given([opened, added(girl, true)])
      .when(rescue([girl, stranger]))
      .thenThrows(VictimNotInCase, (error) => {
        expectCode('VICTIM_NOT_IN_CASE')(error);
        expect((error as VictimNotInCase).beneficiaryId).toBe(stranger);
      });
  });

  it('given a closed case, when an operation is recorded, then it fails: a closed case takes nothing new', () => {
    spec
      .given([opened, added(girl, true), contact, closed])
      .when(rescue([girl]))
      .thenThrows(ProtectionCaseIsClosed, expectCode('CASE_CLOSED'));
  });

  it('given an operation, when it is sent again, then nothing happens; when its id comes with other facts, then it fails', () => {
    const history = [opened, added(girl, true), rescued([girl])];
    spec
      .given(history)
      .when(rescue([girl]))
      .then([]);
    spec
      .given([...history, added(woman, false)])
      .when(rescue([girl, woman]))
      .thenThrows(CaseRecordIdTaken, expectCode('CASE_RECORD_ID_TAKEN'));
  });

  it.each([
    ['date', { date: '2026-02-30' }],
    ['date', { date: '2026-11-23' }],
    ['place', { place: ' ' }],
    ['partnerAgencies', { partnerAgencies: ['DSI', 'DSI'] }],
    ['rescuedBeneficiaryIds', { rescuedBeneficiaryIds: [girl, girl] }],
  ])('given an open case, when %s is invalid, then it fails naming it', (field, data) => {
    const base = rescue([girl]) as Extract<
      ProtectionCaseCommand,
      { type: 'RecordRescueOperation' }
    >;
    spec
      .given([opened, added(girl, true)])
      .when({ ...base, data: { ...base.data, ...data } })
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe(field),
      );
  });
});

describe('Protection case decider: identification and shelter placement', () => {
  const identify = (beneficiaryId: string, outcome = 'OFFICIALLY_IDENTIFIED') =>
    command('RecordVictimIdentification', {
      caseId,
      beneficiaryId,
      outcome: outcome as never,
      date: '2026-11-18',
      authority: 'Rayong provincial social development office',
    });
  const place = (beneficiaryId: string, from = '2026-11-18', to: string | null = null) =>
    command('RecordShelterPlacement', {
      caseId,
      beneficiaryId,
      placementId,
      shelterName: 'Kredtrakarn shelter',
      from,
      to,
    });

  it('given a victim, when the authorities identify her officially, then the outcome is recorded; the same again is a retry', () => {
    spec
      .given([opened, added(girl, true)])
      .when(identify(girl))
      .then([identified(girl)]);
    spec
      .given([opened, added(girl, true), identified(girl)])
      .when(identify(girl))
      .then([]);
  });

  it('given a victim identified, when a later review does not identify her, then that outcome is recorded too', () => {
    spec
      .given([opened, added(girl, true), identified(girl)])
      .when(identify(girl, 'NOT_IDENTIFIED'))
      .then([
        {
          ...identified(girl),
          data: { ...identified(girl).data, outcome: 'NOT_IDENTIFIED' },
        } as ProtectionCaseEvent,
      ]);
  });

  it('given a case, when someone who is not its victim is identified or placed, then it fails', () => {
    spec.given([opened]).when(identify(stranger)).thenThrows(VictimNotInCase);
    spec.given([opened]).when(place(stranger)).thenThrows(VictimNotInCase);
  });

  it('given a victim, when she is placed in a shelter, then the placement is recorded, open-ended or with an end', () => {
    spec
      .given([opened, added(girl, true)])
      .when(place(girl))
      .then([placed(girl)]);
    spec
      .given([opened, added(girl, true)])
      .when(place(girl, '2026-11-18', '2026-11-18'))
      .then([
        {
          ...placed(girl),
          data: { ...placed(girl).data, to: '2026-11-18' },
        } as ProtectionCaseEvent,
      ]);
  });

  it('given a victim, when a placement ends before it starts, then it fails', () => {
    spec
      .given([opened, added(girl, true)])
      .when(place(girl, '2026-11-18', '2026-11-17'))
      .thenThrows(PlacementEndsBeforeStart, expectCode('PLACEMENT_ENDS_BEFORE_START'));
  });
});

describe('Protection case decider: repatriation', () => {
  it('given a victim, when family tracing or documents are done, then each step is recorded at any time', () => {
    spec
      .given([opened, added(woman, false)])
      .when(recordStep(woman, 'FAMILY_TRACING'))
      .then([step(woman, 'FAMILY_TRACING')]);
    spec
      .given([opened, added(woman, false)])
      .when(recordStep(woman, 'DOCUMENTS'))
      .then([step(woman, 'DOCUMENTS')]);
  });

  it('given a victim neither identified nor placed, when she is escorted home, then it fails', () => {
    spec
      .given([opened, added(woman, false)])
      .when(recordStep(woman, 'ESCORTED_JOURNEY'))
      .thenThrows(VictimNotIdentifiedOrPlaced, expectCode('VICTIM_NOT_IDENTIFIED_OR_PLACED'));
    const notIdentified = {
      ...identified(woman),
      data: { ...identified(woman).data, outcome: 'NOT_IDENTIFIED' },
    } as ProtectionCaseEvent;
    spec
      .given([opened, added(woman, false), notIdentified])
      .when(recordStep(woman, 'ESCORTED_JOURNEY'))
      .thenThrows(VictimNotIdentifiedOrPlaced);
  });

  it('given an adult victim identified, or placed, when she is escorted home, then the journey is recorded', () => {
    spec
      .given([opened, added(woman, false), identified(woman)])
      .when(recordStep(woman, 'ESCORTED_JOURNEY'))
      .then([step(woman, 'ESCORTED_JOURNEY')]);
    spec
      .given([opened, added(woman, false), placed(woman)])
      .when(recordStep(woman, 'ESCORTED_JOURNEY'))
      .then([step(woman, 'ESCORTED_JOURNEY')]);
  });

  it('given a minor victim placed, when she is escorted home without a guardian or shelter contact, then it fails; with one, it is recorded', () => {
    spec
      .given([opened, added(girl, true), placed(girl)])
      .when(recordStep(girl, 'ESCORTED_JOURNEY'))
      .thenThrows(GuardianContactRequired, expectCode('GUARDIAN_CONTACT_REQUIRED'));
    spec
      .given([opened, added(girl, true), placed(girl), contact])
      .when(recordStep(girl, 'ESCORTED_JOURNEY'))
      .then([step(girl, 'ESCORTED_JOURNEY')]);
  });

  it('given no journey, when reception is recorded, then it fails; given no reception, when follow-up is recorded, then it fails', () => {
    spec
      .given([opened, added(woman, false), identified(woman)])
      .when(recordStep(woman, 'RECEPTION'))
      .thenThrows(RepatriationStepOutOfOrder, expectCode('REPATRIATION_STEP_OUT_OF_ORDER'));
    spec
      .given([opened, added(woman, false), identified(woman), step(woman, 'ESCORTED_JOURNEY')])
      .when(recordStep(woman, 'FOLLOW_UP'))
      .thenThrows(RepatriationStepOutOfOrder);
  });

  it('given the journey and reception, when follow-ups are recorded, then each is recorded; the same step and day again is a retry', () => {
    const history = [
      opened,
      added(woman, false),
      identified(woman),
      step(woman, 'ESCORTED_JOURNEY'),
      step(woman, 'RECEPTION', '2026-11-20'),
    ];
    spec
      .given(history)
      .when(recordStep(woman, 'FOLLOW_UP', '2026-11-20'))
      .then([step(woman, 'FOLLOW_UP', '2026-11-20')]);
    spec
      .given([...history, step(woman, 'FOLLOW_UP', '2026-11-20')])
      .when(recordStep(woman, 'FOLLOW_UP', '2026-11-20'))
      .then([]);
  });

  it('given a case, when a step is recorded for someone who is not its victim, then it fails', () => {
    spec.given([opened]).when(recordStep(stranger, 'FAMILY_TRACING')).thenThrows(VictimNotInCase);
  });
});
