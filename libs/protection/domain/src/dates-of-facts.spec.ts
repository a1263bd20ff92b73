// Facts happen before they are recorded: a registration, a guardian or shelter contact and a
// reopening take the day they happened (by default the day of the command), no later than the
// command's own time (with a small clock skew) and no earlier than the kernel's horizon.
import { deciderSpecification } from '@haven/platform/decider-testing';
import type { BeneficiaryEvent, ProtectionCaseEvent } from '@haven/protection/contracts';
import { beneficiaryDecider, type RegisterBeneficiary } from './beneficiary/beneficiary';
import { BeneficiaryAlreadyRegistered, InvalidBeneficiaryData } from './beneficiary/errors';
import { InvalidProtectionCaseData } from './case/errors';
import { protectionCaseDecider, type ProtectionCaseCommand } from './case/protection-case';

const at = '2026-11-20T10:00:00.000Z';
const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: at,
};
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f01';
const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f02';
const sealed = 'pii:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('a registration’s day', () => {
  const spec = deciderSpecification(beneficiaryDecider);
  const register = (registeredOn?: string | null): RegisterBeneficiary => ({
    type: 'RegisterBeneficiary',
    data: {
      beneficiaryId,
      referenceNumber: 7,
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
      ...(registeredOn === undefined ? {} : { registeredOn }),
    },
    metadata,
  });
  const registered = (registeredOn: string): BeneficiaryEvent => ({
    type: 'BeneficiaryRegistered',
    schemaVersion: 3,
    data: {
      beneficiaryId,
      referenceCode: 'BEN-LA-000007',
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
      nationality: null,
      ageYears: null,
      registeredOn,
      registeredAt: at,
    },
  });

  it('given no registration, when an intake form of last week is entered, then it carries that day apart from the recording time', () => {
    spec
      .given([])
      .when(register('2026-11-13'))
      .then([registered('2026-11-13')]);
  });

  it('given no registration, when no day is given, then the day is the command’s', () => {
    spec
      .given([])
      .when(register(null))
      .then([registered('2026-11-20')]);
  });

  it('refuses a day after today, before the horizon, or that does not exist, naming the field', () => {
    for (const day of ['2026-11-22', '1989-12-31', '2026-02-30', '13/11/2026']) {
      spec
        .given([])
        .when(register(day))
        .thenThrows(InvalidBeneficiaryData, (error) =>
          expect((error as InvalidBeneficiaryData).field).toBe('registeredOn'),
        );
    }
  });

  it('given a registration, then its retry without a day or with the same day is a retry, with another day a conflict', () => {
    spec
      .given([registered('2026-11-13')])
      .when(register())
      .then([]);
    spec
      .given([registered('2026-11-13')])
      .when(register('2026-11-13'))
      .then([]);
    spec
      .given([registered('2026-11-13')])
      .when(register('2026-11-14'))
      .thenThrows(BeneficiaryAlreadyRegistered);
  });
});

describe('a guardian contact’s and a reopening’s day', () => {
  const spec = deciderSpecification(protectionCaseDecider);
  const opened: ProtectionCaseEvent = {
    type: 'ProtectionCaseOpened',
    schemaVersion: 4,
    data: {
      caseId,
      country: 'LA',
      province: null,
      abroad: false,
      intercepted: false,
      destination: null,
      formOfExploitation: 'FORCED_MARRIAGE',
      placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
      sourceNotificationId: null,
      openedOn: '2026-10-01',
      openedAt: at,
    },
  };
  const closed: ProtectionCaseEvent = {
    type: 'ProtectionCaseClosed',
    schemaVersion: 2,
    data: { caseId, reason: 'OTHER', closedOn: '2026-11-01', closedAt: at },
  };
  const contact = (contactedOn?: string | null): ProtectionCaseCommand => ({
    type: 'RecordGuardianContact',
    data: { caseId, beneficiaryId: null, kind: 'SHELTER', details: sealed, contactedOn },
    metadata,
  });
  const reopen = (reopenedOn?: string | null): ProtectionCaseCommand => ({
    type: 'ReopenProtectionCase',
    data: { caseId, reason: 'NEW_INFORMATION', reopenedOn },
    metadata,
  });

  it('given an open case, when a contact made on 2 October is recorded, then it carries that day', () => {
    spec
      .given([opened])
      .when(contact('2026-10-02'))
      .then([
        {
          type: 'GuardianContactRecorded',
          schemaVersion: 3,
          data: {
            caseId,
            beneficiaryId: null,
            kind: 'SHELTER',
            details: sealed,
            contactedOn: '2026-10-02',
            recordedAt: at,
          },
        },
      ]);
  });

  it('given a closed case, when it is reopened without a day and with one, then the day is the command’s or the one given', () => {
    spec
      .given([opened, closed])
      .when(reopen())
      .then([
        {
          type: 'ProtectionCaseReopened',
          schemaVersion: 2,
          data: { caseId, reason: 'NEW_INFORMATION', reopenedOn: '2026-11-20', reopenedAt: at },
        },
      ]);
    spec
      .given([opened, closed])
      .when(reopen('2026-11-18'))
      .then([
        {
          type: 'ProtectionCaseReopened',
          schemaVersion: 2,
          data: { caseId, reason: 'NEW_INFORMATION', reopenedOn: '2026-11-18', reopenedAt: at },
        },
      ]);
  });

  it('refuses a contact or a reopening dated after today or before the horizon, naming the field', () => {
    for (const day of ['2026-11-22', '1989-12-31']) {
      spec
        .given([opened])
        .when(contact(day))
        .thenThrows(InvalidProtectionCaseData, (error) =>
          expect((error as InvalidProtectionCaseData).field).toBe('contactedOn'),
        );
      spec
        .given([opened, closed])
        .when(reopen(day))
        .thenThrows(InvalidProtectionCaseData, (error) =>
          expect((error as InvalidProtectionCaseData).field).toBe('reopenedOn'),
        );
    }
  });
});
