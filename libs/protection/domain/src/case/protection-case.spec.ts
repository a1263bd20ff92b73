import { protectionCaseIdForNotification } from '@haven/protection/contracts';
import { BeneficiaryNotFound } from '../beneficiary/errors';
import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  CaseRecordIdTaken,
  GuardianContactRequired,
  InvalidProtectionCaseData,
  PlacementEndsBeforeStart,
  ProtectionCaseAlreadyOpened,
  ProtectionCaseIsClosed,
  ProtectionCaseNotClosed,
  ProtectionCaseNotFound,
  ProtectionCaseRuleViolation,
  RepatriationStepOutOfOrder,
  VictimAlreadyInCase,
  VictimNotIdentifiedOrPlaced,
  VictimNotInCase,
} from './errors';
import {
  protectionCaseDecider,
  type ProtectionCaseCommand,
  type ProtectionCaseEvent,
} from './protection-case';

const spec = deciderSpecification(protectionCaseDecider);
const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c10';
const girl = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c21';
const woman = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c22';
const stranger = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c99';
const noteId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c31';
const operationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c41';
const placementId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c51';
const at = '2026-11-20T08:30:00.000Z';
const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: 'alliance',
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: at,
};
// Sealed values as libs/platform/privacy makes them; their content does not matter here.
const sealed = 'pii:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A command of this type with this data, at the usual time by the usual officer. */
function command<Type extends ProtectionCaseCommand['type']>(
  type: Type,
  data: Extract<ProtectionCaseCommand, { type: Type }>['data'],
): ProtectionCaseCommand {
  return { type, data, metadata } as ProtectionCaseCommand;
}

const openCase = (
  data: Partial<Extract<ProtectionCaseCommand, { type: 'OpenProtectionCase' }>['data']> = {},
) =>
  command('OpenProtectionCase', {
    caseId,
    country: 'TH',
    province: 'Rayong',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
    sourceNotificationId: null,
    ...data,
  });

/** A victim whose registration gave no statistical attributes. */
const unknownAttributes = { sex: null, nationality: null, ageYears: null };

const opened: ProtectionCaseEvent = {
  type: 'ProtectionCaseOpened',
  schemaVersion: 3,
  data: {
    caseId,
    country: 'TH',
    province: 'Rayong',
    abroad: false,
    destination: null,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: null,
    sourceNotificationId: null,
    openedOn: at.slice(0, 10),
    openedAt: at,
  },
};

const added = (beneficiaryId: string, minor: boolean): ProtectionCaseEvent => ({
  type: 'VictimAddedToCase',
  schemaVersion: 2,
  data: {
    caseId,
    beneficiaryId,
    formOfExploitation: 'SEX_TRAFFICKING',
    minor,
    ...unknownAttributes,
    addedOn: at.slice(0, 10),
    addedAt: at,
  },
});

const addVictim = (beneficiaryId: string, minor: boolean, registered = true) =>
  command('AddVictimToCase', {
    caseId,
    beneficiaryId,
    beneficiaryRegistered: registered,
    formOfExploitation: null,
    minor,
  });

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

const recordStep = (beneficiaryId: string, name: string, date = '2026-11-19') =>
  command('RecordRepatriationStep', {
    caseId,
    beneficiaryId,
    step: name as never,
    date,
  });

const contact: ProtectionCaseEvent = {
  type: 'GuardianContactRecorded',
  schemaVersion: 3,
  data: {
    caseId,
    beneficiaryId: null,
    kind: 'SHELTER',
    details: sealed,
    contactedOn: at.slice(0, 10),
    recordedAt: at,
  },
};

const closed: ProtectionCaseEvent = {
  type: 'ProtectionCaseClosed',
  schemaVersion: 2,
  data: { caseId, reason: 'VICTIMS_RETURNED', closedOn: at.slice(0, 10), closedAt: at },
};

const rescue = (rescued: string[], id = operationId) =>
  command('RecordRescueOperation', {
    caseId,
    operationId: id,
    date: '2026-11-17',
    place: 'Karaoke bar, Mueang Rayong',
    partnerAgencies: ['Royal Thai Police', 'DSI'],
    rescuedBeneficiaryIds: rescued,
  });

const rescued = (ids: string[]): ProtectionCaseEvent => ({
  type: 'RescueOperationRecorded',
  schemaVersion: 3,
  data: {
    caseId,
    operationId,
    date: '2026-11-17',
    place: 'Karaoke bar, Mueang Rayong',
    online: false,
    partnerAgencies: ['Royal Thai Police', 'DSI'],
    personsRescued: ids.length,
    rescuedBeneficiaryIds: ids,
    recordedAt: at,
  },
});

function expectCode(code: string) {
  return (error: Error) => {
    expect(error).toBeInstanceOf(ProtectionCaseRuleViolation);
    expect((error as ProtectionCaseRuleViolation).code).toBe(code);
  };
}

describe('Protection case decider: opening', () => {
  it('given no case, when an officer opens one, then it is opened at the time of the command', () => {
    spec.given([]).when(openCase()).then([opened]);
  });

  it('given no case, when a referral opens one, then it names its notification and takes the id derived from it', () => {
    const notificationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c77';
    const derived = protectionCaseIdForNotification(notificationId);
    spec
      .given([])
      .when(openCase({ caseId: derived, sourceNotificationId: notificationId }))
      .then([
        {
          ...opened,
          data: { ...opened.data, caseId: derived, sourceNotificationId: notificationId },
        } as ProtectionCaseEvent,
      ]);
  });

  it('given no case, when a referral comes with another case id than the derived one, then it fails naming caseId', () => {
    spec
      .given([])
      .when(openCase({ sourceNotificationId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c77' }))
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('caseId'),
      );
  });

  it('given an open case, when the same opening arrives again (a retry, or a referral read twice), then nothing happens', () => {
    spec.given([opened]).when(openCase()).then([]);
  });

  it('given an open case, when its id is opened with other facts, then it fails as already opened', () => {
    spec
      .given([opened])
      .when(openCase({ country: 'LA' }))
      .thenThrows(ProtectionCaseAlreadyOpened, expectCode('CASE_ALREADY_OPENED'));
  });

  it.each([
    ['caseId', { caseId: 'not-a-uuid' }],
    ['country', { country: 'FR' as never }],
    ['province', { province: '' }],
    ['province', { province: 'Line\nbreak' }],
    ['abroad', { abroad: 'no' as never }],
    ['formOfExploitation', { formOfExploitation: 'LABOUR' as never }],
    ['sourceNotificationId', { sourceNotificationId: 'x' }],
  ])('given no case, when %s is invalid, then it fails naming it', (field, data) => {
    spec
      .given([])
      .when(openCase(data))
      .thenThrows(InvalidProtectionCaseData, (error) => {
        expect((error as InvalidProtectionCaseData).field).toBe(field);
        expect((error as InvalidProtectionCaseData).code).toBe('INVALID_CASE_DATA');
      });
  });

  it('given no case, when anything but an opening arrives, then it fails as not found', () => {
    spec.given([]).when(addVictim(girl, true)).thenThrows(ProtectionCaseNotFound);
    spec
      .given([])
      .when(command('CloseProtectionCase', { caseId, reason: 'OTHER' }))
      .thenThrows(ProtectionCaseNotFound, (error) =>
        expect((error as ProtectionCaseNotFound).code).toBe('CASE_NOT_FOUND'),
      );
  });
});

describe('Protection case decider: victims', () => {
  it('given an open case, when a registered beneficiary is added, then she is a victim with the case’s form of exploitation unless another is given', () => {
    spec
      .given([opened])
      .when(addVictim(girl, true))
      .then([added(girl, true)]);
    spec
      .given([opened])
      .when(
        command('AddVictimToCase', {
          caseId,
          beneficiaryId: woman,
          beneficiaryRegistered: true,
          formOfExploitation: 'FORCED_MARRIAGE',
          minor: false,
        }),
      )
      .then([
        {
          type: 'VictimAddedToCase',
          schemaVersion: 2,
          data: {
            caseId,
            beneficiaryId: woman,
            formOfExploitation: 'FORCED_MARRIAGE',
            minor: false,
            ...unknownAttributes,
            addedOn: at.slice(0, 10),
            addedAt: at,
          },
        },
      ]);
  });

  it('given a victim of the case, when she is added again, then it fails: a victim is added once', () => {
    spec
      .given([opened, added(girl, true)])
      .when(addVictim(girl, true))
      .thenThrows(VictimAlreadyInCase, expectCode('VICTIM_ALREADY_IN_CASE'));
  });

  it('given an open case, when the beneficiary is not registered, then it fails as not found', () => {
    spec
      .given([opened])
      .when(addVictim(girl, true, false))
      .thenThrows(BeneficiaryNotFound);
  });

  it('given an open case, when a minor is added without a guardian contact, then she is added (the contact is needed later, see below)', () => {
    spec
      .given([opened])
      .when(addVictim(girl, true))
      .then([added(girl, true)]);
  });
});

describe('Protection case decider: investigation notes', () => {
  const note = (text = sealed) => command('AddInvestigationNote', { caseId, noteId, text });
  const noted: ProtectionCaseEvent = {
    type: 'InvestigationNoteAdded',
    data: { caseId, noteId, text: sealed, addedAt: at },
  };

  it('given an open case, when a sealed note is added, then it is recorded sealed', () => {
    spec.given([opened]).when(note()).then([noted]);
  });

  it('given an open case, when a note arrives in clear, then it fails and its text is in no message', () => {
    spec
      .given([opened])
      .when(note('Met the girl at the bar'))
      .thenThrows(InvalidProtectionCaseData, (error) => {
        expect((error as InvalidProtectionCaseData).field).toBe('text');
        expect(error.message).not.toContain('girl');
      });
  });

  it('given a note, when the same note id comes again (a retry, sealed anew), then nothing happens', () => {
    spec
      .given([opened, noted])
      .when(note(sealed.replace(/A/g, 'B')))
      .then([]);
  });
});

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

describe('Protection case decider: guardian or shelter contact, closing and reopening', () => {
  const close = (reason = 'VICTIMS_RETURNED') =>
    command('CloseProtectionCase', { caseId, reason: reason as never });
  const reopen = () => command('ReopenProtectionCase', { caseId, reason: 'NEW_INFORMATION' });
  const reopened: ProtectionCaseEvent = {
    type: 'ProtectionCaseReopened',
    schemaVersion: 2,
    data: { caseId, reason: 'NEW_INFORMATION', reopenedOn: at.slice(0, 10), reopenedAt: at },
  };

  it('given an open case, when a sealed contact is recorded, then it is recorded; a contact in clear fails', () => {
    spec
      .given([opened])
      .when(command('RecordGuardianContact', { caseId, kind: 'SHELTER', details: sealed }))
      .then([contact]);
    spec
      .given([opened])
      .when(
        command('RecordGuardianContact', { caseId, kind: 'GUARDIAN', details: 'Aunt, 0812345678' }),
      )
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('details'),
      );
  });

  it('given a case with adult victims only, when it is closed, then it is closed with its reason', () => {
    spec
      .given([opened, added(woman, false)])
      .when(close())
      .then([closed]);
  });

  it('given a case with a minor victim and no contact, when it is closed, then it fails; with a contact, it is closed', () => {
    spec
      .given([opened, added(girl, true)])
      .when(close())
      .thenThrows(GuardianContactRequired, expectCode('GUARDIAN_CONTACT_REQUIRED'));
    spec
      .given([opened, added(girl, true), contact])
      .when(close())
      .then([closed]);
  });

  it('given a closed case, when it is closed again with the same reason, then nothing happens; with another, it fails as closed', () => {
    spec.given([opened, closed]).when(close()).then([]);
    spec.given([opened, closed]).when(close('DUPLICATE')).thenThrows(ProtectionCaseIsClosed);
  });

  it('given a closed case, when anything new is recorded, then it fails as closed', () => {
    const history = [opened, added(woman, false), closed];
    spec.given(history).when(addVictim(girl, true)).thenThrows(ProtectionCaseIsClosed);
    spec
      .given(history)
      .when(command('AddInvestigationNote', { caseId, noteId, text: sealed }))
      .thenThrows(ProtectionCaseIsClosed);
    spec
      .given(history)
      .when(recordStep(woman, 'FAMILY_TRACING'))
      .thenThrows(ProtectionCaseIsClosed);
  });

  it('given a closed case, when it is reopened, then it takes operations again', () => {
    spec.given([opened, closed]).when(reopen()).then([reopened]);
    spec
      .given([opened, added(girl, true), contact, closed, reopened])
      .when(rescue([girl]))
      .then([rescued([girl])]);
  });

  it('given an open case, when it is reopened, then it fails as not closed', () => {
    spec
      .given([opened])
      .when(reopen())
      .thenThrows(ProtectionCaseNotClosed, expectCode('CASE_NOT_CLOSED'));
  });
});
