// The protection case decider's decisions on the case itself (decide-case.ts): opening it, adding
// victims, investigation notes, the guardian or shelter contact, closing and reopening.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { protectionCaseIdForNotification } from '@haven/protection/contracts';
import { BeneficiaryNotFound } from '../beneficiary/errors';
import {
  GuardianContactRequired,
  InvalidProtectionCaseData,
  ProtectionCaseAlreadyOpened,
  ProtectionCaseIsClosed,
  ProtectionCaseNotClosed,
  ProtectionCaseNotFound,
  VictimAlreadyInCase,
} from './errors';
import {
  protectionCaseDecider,
  type ProtectionCaseCommand,
  type ProtectionCaseEvent,
} from './protection-case';
import {
  addVictim,
  added,
  at,
  caseId,
  closed,
  command,
  contact,
  expectCode,
  girl,
  noteId,
  opened,
  recordStep,
  rescue,
  rescued,
  sealed,
  unknownAttributes,
  woman,
} from './protection-case-test-fixtures';

const spec = deciderSpecification(protectionCaseDecider);

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
