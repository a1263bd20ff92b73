// The legal case decider (legal-case.ts): opening a case, its parties and their consent, and its
// stages, closing and reopening.
import { deciderSpecification } from '@haven/platform/decider-testing';
import * as errors from '../errors';
import { legalCaseDecider } from './legal-case';
import {
  ana,
  anaJoined,
  bua,
  caseId,
  cha,
  command,
  facts,
  opened,
} from './legal-case-test-fixtures';
import type { BeneficiaryFacts, LegalCaseEvent, OpenLegalCase } from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);

function openCase(data: Partial<OpenLegalCase['data']> = {}): OpenLegalCase {
  return command<OpenLegalCase>('OpenLegalCase', {
    caseId,
    kind: 'SEX_TRAFFICKING',
    country: 'TH',
    province: 'Rayong',
    court: 'Rayong Provincial Court',
    sourceProtectionCaseId: null,
    exploitedIn: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-06-01',
    staffLawyerIds: [],
    lawFirmId: null,
    parties: [{ facts: facts(ana), role: 'VICTIM' }],
    ...data,
  });
}

const closed: LegalCaseEvent = {
  type: 'LegalCaseClosed',
  data: { caseId, country: 'TH', beneficiaryIds: [ana], on: '2020-01-01' },
};

describe('legal case: opening', () => {
  it('given nothing, when a case is opened for a consenting beneficiary, then it opens with her as a party and its lawyers', () => {
    spec
      .given([])
      .when(openCase({ lawFirmId: '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0a01' }))
      .then([
        opened,
        anaJoined,
        {
          type: 'LawyersAssigned',
          data: {
            caseId,
            staffLawyerIds: [],
            lawFirmId: '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0a01',
            on: '2019-06-01',
          },
        },
      ]);
  });
  it('given nothing, when a case names where the exploitation happened, then its opening carries it', () => {
    spec
      .given([])
      .when(openCase({ exploitedIn: 'MY' }))
      .then([
        { ...opened, data: { ...opened.data, exploitedIn: 'MY' } } as LegalCaseEvent,
        anaJoined,
      ]);
  });

  it('refuses a beneficiary without consent to legal action', () => {
    spec
      .given([])
      .when(
        openCase({
          parties: [{ facts: facts(ana, { legalActionConsent: false }), role: 'VICTIM' }],
        }),
      )
      .thenThrows(errors.NoLegalActionConsent);
  });
  it('refuses an unknown beneficiary', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { known: false }), role: 'VICTIM' }] }))
      .thenThrows(errors.UnknownBeneficiary);
  });
  it('refuses an erased beneficiary', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { erased: true }), role: 'VICTIM' }] }))
      .thenThrows(errors.BeneficiaryErased);
  });
  it('refuses a beneficiary registered in another country', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { country: 'MM' }), role: 'VICTIM' }] }))
      .thenThrows(errors.BeneficiaryOutsideCaseCountry);
  });
  it('refuses a case with no beneficiary, or the same one twice', () => {
    spec
      .given([])
      .when(openCase({ parties: [] }))
      .thenThrows(errors.NoBeneficiaries);
    spec
      .given([])
      .when(
        openCase({
          parties: [
            { facts: facts(ana), role: 'VICTIM' },
            { facts: facts(ana), role: 'WITNESS' },
          ],
        }),
      )
      .thenThrows(errors.BeneficiaryAlreadyOnCase);
  });
  it('refuses opening at the closed stage, and opening twice', () => {
    spec
      .given([])
      .when(openCase({ stage: 'CLOSED' }))
      .thenThrows(errors.CloseToCloseCase);
    spec.given([opened]).when(openCase()).thenThrows(errors.LegalCaseAlreadyOpened);
  });
});

describe('legal case: parties and consent', () => {
  const join = (beneficiary: BeneficiaryFacts) =>
    command('AddBeneficiaryToLegalCase', {
      caseId,
      party: { facts: beneficiary, role: 'WITNESS' },
      joinedOn: '2020-01-01',
    });
  it('adds a consenting beneficiary as a witness', () => {
    spec
      .given([opened, anaJoined])
      .when(join(facts(bua, { minor: false })))
      .then([
        {
          type: 'LegalCaseBeneficiaryJoined',
          data: {
            caseId,
            beneficiaryId: bua,
            role: 'WITNESS',
            country: 'TH',
            sex: 'FEMALE',
            minor: false,
            joinedOn: '2020-01-01',
          },
        },
      ]);
  });
  it('refuses a beneficiary who declined legal action, one already on it, and a missing case', () => {
    spec
      .given([opened, anaJoined])
      .when(join(facts(cha, { legalActionConsent: false })))
      .thenThrows(errors.NoLegalActionConsent);
    spec
      .given([opened, anaJoined])
      .when(join(facts(ana)))
      .thenThrows(errors.BeneficiaryAlreadyOnCase);
    spec
      .given([])
      .when(join(facts(ana)))
      .thenThrows(errors.LegalCaseNotFound);
  });
  it('after she withdraws consent, stops new service occasions for her', () => {
    spec
      .given([opened, anaJoined])
      .when(
        command('RecordServiceOccasion', {
          caseId,
          occasionId: 'o-1',
          kind: 'MEETING_PROSECUTOR',
          on: '2020-01-02',
          concerned: [facts(ana, { legalActionConsent: false })],
        }),
      )
      .thenThrows(errors.NoLegalActionConsent);
  });
});

describe('legal case: stages, closing and reopening', () => {
  it('moves to another stage, but not to the same one nor to closed', () => {
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-01-01' }))
      .then([
        {
          type: 'LegalCaseStageChanged',
          data: {
            caseId,
            country: 'TH',
            beneficiaryIds: [],
            from: 'INVESTIGATION',
            to: 'TRIAL',
            on: '2020-01-01',
          },
        },
      ]);
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'INVESTIGATION', on: '2020-01-01' }))
      .thenThrows(errors.SameStage);
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'CLOSED', on: '2020-01-01' }))
      .thenThrows(errors.CloseToCloseCase);
  });
  it('refuses a fact dated before the case opened', () => {
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2019-01-01' }))
      .thenThrows(errors.FactBeforeCaseOpened);
  });
  it('a closed case takes nothing new until it is reopened', () => {
    spec
      .given([opened, anaJoined, closed])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseIsClosed);
    spec
      .given([opened, closed])
      .when(command('CloseLegalCase', { caseId, on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseIsClosed);
    spec
      .given([opened, closed])
      .when(command('ReopenLegalCase', { caseId, stage: 'APPEAL', on: '2020-02-01' }))
      .then([
        {
          type: 'LegalCaseReopened',
          data: { caseId, country: 'TH', beneficiaryIds: [], stage: 'APPEAL', on: '2020-02-01' },
        },
      ]);
    spec
      .given([
        opened,
        anaJoined,
        closed,
        {
          type: 'LegalCaseReopened',
          data: { caseId, country: 'TH', beneficiaryIds: [], stage: 'APPEAL', on: '2020-02-01' },
        },
      ])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-02-02' }))
      .then([
        {
          type: 'LegalCaseStageChanged',
          data: {
            caseId,
            country: 'TH',
            beneficiaryIds: [ana],
            from: 'APPEAL',
            to: 'TRIAL',
            on: '2020-02-02',
          },
        },
      ]);
  });
  it('reopens only a closed case', () => {
    spec
      .given([opened])
      .when(command('ReopenLegalCase', { caseId, stage: 'TRIAL', on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseNotClosed);
  });
});
