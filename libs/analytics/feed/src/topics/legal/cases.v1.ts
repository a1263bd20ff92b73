import {
  COMPENSATION_SOURCES,
  EVIDENCE_DOCUMENT_KINDS,
  LEGAL_CASE_CATEGORY,
  LEGAL_CASE_KINDS,
  LEGAL_CASE_STAGES,
  OFFENDER_KINDS,
  OFFENDER_STATUSES,
  PARTY_ROLES,
  SERVICE_OCCASION_KINDS,
  VERDICT_OUTCOMES,
  VERIFICATION_FINDINGS,
  VERIFIERS,
} from '@haven/legal/contracts';
import { COUNTRIES, COUNTRY_CODES, CURRENCIES, SEXES } from '@haven/vocabulary';
import {
  countOf,
  dateOf,
  flag,
  integer,
  nullableInteger,
  nullableOneOf,
  nullablePseudonymOf,
  oneOf,
  pseudonymOf,
  type Field,
} from '../../fields';
import type { PublishedEvent } from '../../topic';
import { defineTopic } from '../../topic';

// Every event names its case and the country of operation.
const ofCase = { case: pseudonymOf('case', 'caseId'), country: oneOf('country', COUNTRIES) };
const person = pseudonymOf('person', 'beneficiaryId');
const offender = pseudonymOf('offender', 'offenderId');
const claim = pseudonymOf('claim', 'claimId');
const on = (name: string): Record<string, Field> => ({ [name]: dateOf('on', 'day') });
const money = (from: string) => ({
  amountMinor: integer(`${from}.amountMinor`),
  currency: oneOf(`${from}.currency`, CURRENCIES),
});
// A sentence as pronounced or as finally imposed: its term and fine, each null without one.
const sentence = (from: 'pronounced' | 'final'): PublishedEvent => ({
  [`${from}TermYears`]: nullableInteger(`${from}.termYears`),
  [`${from}TermMonths`]: nullableInteger(`${from}.termMonths`),
  [`${from}FineMinor`]: nullableInteger(`${from}.fine.amountMinor`),
  [`${from}FineCurrency`]: nullableOneOf(`${from}.fine.currency`, CURRENCIES),
});

/**
 * Legal cases: the victims who join them, stages, offenders' statuses and verdicts, services,
 * verified documents and compensation. Never published: the province and the court (they place
 * the case), lawyers and law firms, offenders' identities and documents' contents (sealed, and
 * not in the contract), and the ids of single payments, documents and service occasions.
 */
export const LEGAL_CASES_V1 = defineTopic({
  name: 'haven.legal.cases.v1',
  version: 1,
  description:
    'Legal cases from opening to closure: victims by pseudonym, stages, offenders by pseudonym with their statuses and verdicts, legal services, verified documents and compensation. Keyed by the case pseudonym.',
  category: LEGAL_CASE_CATEGORY,
  keyKind: 'case',
  events: {
    LegalCaseOpened: {
      ...ofCase,
      kind: oneOf('kind', LEGAL_CASE_KINDS),
      stage: oneOf('stage', LEGAL_CASE_STAGES),
      // The same pseudonym as the protection case's on haven.protection.cases.v1.
      sourceProtectionCase: nullablePseudonymOf('case', 'sourceProtectionCaseId'),
      // Null when unknown, and on cases opened before it was asked.
      exploitedIn: nullableOneOf('exploitedIn', COUNTRY_CODES),
      // No count of its beneficiaries: openings stored before the contract named them lack the
      // list, and each victim's LegalCaseBeneficiaryJoined counts them anyway.
      openedOn: dateOf('openedOn', 'day'),
    },
    LegalCaseBeneficiaryJoined: {
      ...ofCase,
      person,
      role: oneOf('role', PARTY_ROLES),
      sex: oneOf('sex', SEXES),
      minor: flag('minor'),
      joinedOn: dateOf('joinedOn', 'day'),
    },
    LegalCaseStageChanged: {
      ...ofCase,
      from: oneOf('from', LEGAL_CASE_STAGES),
      to: oneOf('to', LEGAL_CASE_STAGES),
      ...on('changedOn'),
    },
    OffenderStatusChanged: {
      ...ofCase,
      offender,
      offenderKind: oneOf('offenderKind', OFFENDER_KINDS),
      nationality: nullableOneOf('nationality', COUNTRY_CODES),
      from: nullableOneOf('from', OFFENDER_STATUSES),
      to: oneOf('to', OFFENDER_STATUSES),
      ...on('changedOn'),
    },
    LegalServiceOccasionRecorded: {
      ...ofCase,
      kind: oneOf('kind', SERVICE_OCCASION_KINDS),
      beneficiaries: countOf('beneficiaryIds'),
      ...on('heldOn'),
    },
    EvidenceVerified: {
      ...ofCase,
      person,
      documentKind: oneOf('documentKind', EVIDENCE_DOCUMENT_KINDS),
      issuingCountry: oneOf('issuingCountry', COUNTRY_CODES),
      verifiedBy: oneOf('verifiedBy', VERIFIERS),
      finding: oneOf('finding', VERIFICATION_FINDINGS),
      ...on('verifiedOn'),
    },
    VerdictRecorded: {
      ...ofCase,
      offender,
      outcome: oneOf('outcome', VERDICT_OUTCOMES),
      ...sentence('pronounced'),
      ...sentence('final'),
      ...on('pronouncedOn'),
    },
    VerdictAppealed: { ...ofCase, offender, ...on('appealedOn') },
    CompensationClaimed: {
      ...ofCase,
      claim,
      person,
      source: oneOf('source', COMPENSATION_SOURCES),
      ...money('claimed'),
      ...on('claimedOn'),
    },
    CompensationApproved: {
      ...ofCase,
      claim,
      person,
      source: oneOf('source', COMPENSATION_SOURCES),
      ...money('approved'),
      ...on('approvedOn'),
    },
    CompensationPaymentReceived: {
      ...ofCase,
      claim,
      person,
      source: oneOf('source', COMPENSATION_SOURCES),
      ...money('amount'),
      ...on('receivedOn'),
    },
    LegalCaseClosed: { ...ofCase, ...on('closedOn') },
    LegalCaseReopened: {
      ...ofCase,
      stage: oneOf('stage', LEGAL_CASE_STAGES),
      ...on('reopenedOn'),
    },
  },
  partitions: 3,
  retentionDays: 3650,
});
