// Test-only: the setup shared by the protection case decider's specs (decide-case,
// decide-journey): the ids, the command metadata, a sealed value, an opened case, its victims,
// a rescue operation, a guardian contact, a closing, and the rule-violation check. Not exported
// from the library.
import { ProtectionCaseRuleViolation } from './errors';
import type { ProtectionCaseCommand, ProtectionCaseEvent } from './protection-case';

export const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c10';
export const girl = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c21';
export const woman = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c22';
export const stranger = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c99';
export const noteId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c31';
export const operationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c41';
export const placementId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c51';
export const at = '2026-11-20T08:30:00.000Z';
export const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: 'alliance',
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: at,
};
// Sealed values as libs/platform/privacy makes them; their content does not matter here.
export const sealed = 'pii:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A command of this type with this data, at the usual time by the usual officer. */
export function command<Type extends ProtectionCaseCommand['type']>(
  type: Type,
  data: Extract<ProtectionCaseCommand, { type: Type }>['data'],
): ProtectionCaseCommand {
  return { type, data, metadata } as ProtectionCaseCommand;
}

/** A victim whose registration gave no statistical attributes. */
export const unknownAttributes = { sex: null, nationality: null, ageYears: null };

export const opened: ProtectionCaseEvent = {
  type: 'ProtectionCaseOpened',
  schemaVersion: 4,
  data: {
    caseId,
    country: 'TH',
    province: 'Rayong',
    abroad: false,
    intercepted: false,
    destination: null,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: null,
    sourceNotificationId: null,
    openedOn: at.slice(0, 10),
    openedAt: at,
  },
};

export const added = (beneficiaryId: string, minor: boolean): ProtectionCaseEvent => ({
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

export const addVictim = (beneficiaryId: string, minor: boolean, registered = true) =>
  command('AddVictimToCase', {
    caseId,
    beneficiaryId,
    beneficiaryRegistered: registered,
    formOfExploitation: null,
    minor,
  });

export const recordStep = (beneficiaryId: string, name: string, date = '2026-11-19') =>
  command('RecordRepatriationStep', {
    caseId,
    beneficiaryId,
    step: name as never,
    date,
  });

export const contact: ProtectionCaseEvent = {
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

export const closed: ProtectionCaseEvent = {
  type: 'ProtectionCaseClosed',
  schemaVersion: 2,
  data: { caseId, reason: 'VICTIMS_RETURNED', closedOn: at.slice(0, 10), closedAt: at },
};

export const rescue = (rescued: string[], id = operationId) =>
  command('RecordRescueOperation', {
    caseId,
    operationId: id,
    date: '2026-11-17',
    place: 'Karaoke bar, Mueang Rayong',
    partnerAgencies: ['Royal Thai Police', 'DSI'],
    rescuedBeneficiaryIds: rescued,
  });

export const rescued = (ids: string[]): ProtectionCaseEvent => ({
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

export function expectCode(code: string) {
  return (error: Error) => {
    expect(error).toBeInstanceOf(ProtectionCaseRuleViolation);
    expect((error as ProtectionCaseRuleViolation).code).toBe(code);
  };
}
