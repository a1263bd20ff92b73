// The legal case decider's case file: evidence documents of age and identity and their
// verification, and service occasions for the parties concerned.
import { deciderSpecification } from '@haven/platform/decider-testing';
import * as errors from '../errors';
import { legalCaseDecider } from './legal-case';
import {
  ana,
  anaJoined,
  bua,
  caseId,
  command,
  documentId,
  facts,
  opened,
} from './legal-case-test-fixtures';
import type { BeneficiaryFacts, LegalCaseEvent } from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);
const documentRecorded: LegalCaseEvent = {
  type: 'EvidenceDocumentRecorded',
  data: {
    caseId,
    documentId,
    beneficiaryId: ana,
    kind: 'PASSPORT',
    issuingCountry: 'LA',
    content: null,
    on: '2019-07-01',
  },
};

describe('legal case: evidence of age and identity', () => {
  const record = (beneficiary = facts(ana)) =>
    command('RecordEvidenceDocument', {
      caseId,
      documentId,
      beneficiary,
      kind: 'PASSPORT',
      issuingCountry: 'LA',
      content: null,
      on: '2019-07-01',
    });
  it('records a document of a party, and its chain of verification', () => {
    spec.given([opened, anaJoined]).when(record()).then([documentRecorded]);
    spec
      .given([opened, anaJoined, documentRecorded])
      .when(
        command('VerifyEvidenceDocument', {
          caseId,
          documentId,
          verifiedBy: 'COURT',
          finding: 'FALSIFIED',
          on: '2020-05-01',
        }),
      )
      .then([
        {
          type: 'EvidenceVerified',
          data: {
            caseId,
            documentId,
            beneficiaryId: ana,
            country: 'TH',
            documentKind: 'PASSPORT',
            issuingCountry: 'LA',
            verifiedBy: 'COURT',
            finding: 'FALSIFIED',
            on: '2020-05-01',
          },
        },
      ]);
  });
  it('refuses a document of someone not on the case, twice the same, or verifying an unknown one', () => {
    spec
      .given([opened, anaJoined])
      .when(record(facts(bua)))
      .thenThrows(errors.BeneficiaryNotOnCase);
    spec
      .given([opened, anaJoined, documentRecorded])
      .when(record())
      .thenThrows(errors.DocumentAlreadyRecorded);
    spec
      .given([opened, anaJoined])
      .when(
        command('VerifyEvidenceDocument', {
          caseId,
          documentId,
          verifiedBy: 'EMBASSY',
          finding: 'CONFIRMED',
          on: '2020-05-01',
        }),
      )
      .thenThrows(errors.DocumentNotFound);
  });
});

describe('legal case: service occasions', () => {
  const occasion = (concerned: BeneficiaryFacts[], occasionId = 'o-1') =>
    command('RecordServiceOccasion', {
      caseId,
      occasionId,
      kind: 'ATTENDING_HEARING',
      on: '2020-03-01',
      concerned,
    });
  it('records an occasion for the parties concerned', () => {
    spec
      .given([opened, anaJoined])
      .when(occasion([facts(ana)]))
      .then([
        {
          type: 'LegalServiceOccasionRecorded',
          data: {
            caseId,
            occasionId: 'o-1',
            country: 'TH',
            kind: 'ATTENDING_HEARING',
            beneficiaryIds: [ana],
            on: '2020-03-01',
          },
        },
      ]);
  });
  it('refuses an occasion concerning nobody, a non-party, or recorded twice', () => {
    spec.given([opened, anaJoined]).when(occasion([])).thenThrows(errors.NoBeneficiariesConcerned);
    spec
      .given([opened, anaJoined])
      .when(occasion([facts(bua)]))
      .thenThrows(errors.BeneficiaryNotOnCase);
    const recorded = legalCaseDecider.decide(
      occasion([facts(ana)]),
      legalCaseDecider.evolve(
        legalCaseDecider.evolve(legalCaseDecider.initialState(), opened),
        anaJoined,
      ),
    );
    spec
      .given([opened, anaJoined, ...recorded])
      .when(occasion([facts(ana)]))
      .thenThrows(errors.OccasionAlreadyRecorded);
  });
});
