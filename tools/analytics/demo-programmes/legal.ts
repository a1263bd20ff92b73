// A demo victim's legal case: an offender, evidence, a verdict and compensation, with the courts
// of the legal demo seed.
import type { NewEvent } from '@haven/platform/event-store';
import { CURRENCY, plusDays, type DemoLedger, type DemoVictim, type IdMaker } from './demo';

// Legal's demo cases name the court and province (tools/seed/legal-demo.ts).
const COURTS = {
  TH: 'Rayong Provincial Court',
  LA: 'Vientiane Capital People’s Court',
  MM: 'Chiang Mai Juvenile and Family Court',
} as const;
const EVIDENCE = 'Date of birth altered to show 19 years of age';

export function legalCase(
  victim: DemoVictim,
  ledger: DemoLedger,
  id: IdMaker,
): [string, NewEvent[]] {
  const { country, on } = victim;
  const caseId = id();
  const offenderId = id();
  const claimId = id();
  const at = `${on}T09:00:00.000Z`;
  const beneficiaryIds = [victim.id];
  const offenderName = `Somchai Broker-${caseId.slice(0, 4)}`;
  ledger.personal.add(COURTS[country]).add(victim.province).add(EVIDENCE).add(offenderName);
  const money = { amountMinor: 3_000_000, currency: CURRENCY[country] };
  const events: NewEvent[] = [
    ledger.event(
      'LegalCaseOpened',
      {
        caseId,
        kind: 'SEX_TRAFFICKING',
        country,
        province: victim.province,
        court: COURTS[country],
        sourceProtectionCaseId: null,
        stage: 'INVESTIGATION',
        openedOn: on,
        beneficiaryIds,
      },
      at,
    ),
    ledger.event(
      'LegalCaseBeneficiaryJoined',
      {
        caseId,
        beneficiaryId: victim.id,
        role: 'VICTIM',
        country,
        sex: 'FEMALE',
        minor: victim.minor,
        joinedOn: on,
      },
      at,
    ),
    // Internal to legal: the offender's identity and the document's content, sealed.
    ledger.event(
      'OffenderAdded',
      {
        caseId,
        offenderId,
        identity: ledger.sealed(offenderId, 'offenderName', offenderName),
      },
      at,
    ),
    ledger.event(
      'OffenderStatusChanged',
      {
        caseId,
        offenderId,
        country,
        beneficiaryIds,
        offenderKind: 'ADULT_MALE',
        nationality: country,
        from: null,
        to: 'IN_CUSTODY',
        on,
      },
      at,
    ),
    ledger.event(
      'EvidenceVerified',
      {
        caseId,
        documentId: id(),
        beneficiaryId: victim.id,
        country,
        documentKind: 'PASSPORT',
        issuingCountry: 'LA',
        verifiedBy: 'EMBASSY',
        finding: 'FALSIFIED',
        on: plusDays(on, 5),
      },
      at,
    ),
    ledger.event(
      'EvidenceDocumentRecorded',
      { caseId, content: ledger.sealed(victim.id, 'evidence', EVIDENCE) },
      at,
    ),
    ledger.event(
      'LegalServiceOccasionRecorded',
      {
        caseId,
        occasionId: id(),
        country,
        kind: 'ATTENDING_HEARING',
        beneficiaryIds,
        on: plusDays(on, 30),
      },
      at,
    ),
    ledger.event(
      'LegalCaseStageChanged',
      { caseId, country, beneficiaryIds, from: 'INVESTIGATION', to: 'TRIAL', on: plusDays(on, 31) },
      at,
    ),
    ledger.event(
      'VerdictRecorded',
      {
        caseId,
        offenderId,
        country,
        beneficiaryIds,
        outcome: 'CONVICTED',
        pronounced: { termYears: 12, termMonths: 0, fine: money },
        final: { termYears: 8, termMonths: 0, fine: null },
        on: plusDays(on, 60),
      },
      at,
    ),
    ledger.event(
      'VerdictAppealed',
      { caseId, offenderId, country, beneficiaryIds, on: plusDays(on, 70) },
      at,
    ),
    ...(
      [
        ['CompensationClaimed', 'claimed'],
        ['CompensationApproved', 'approved'],
        ['CompensationPaymentReceived', 'amount'],
      ] as const
    ).map(([type, field], step) =>
      ledger.event(
        type,
        {
          caseId,
          claimId,
          ...(type === 'CompensationPaymentReceived' ? { paymentId: id() } : {}),
          beneficiaryId: victim.id,
          country,
          source: 'STATE_FUND',
          [field]: money,
          on: plusDays(on, 80 + step),
        },
        at,
      ),
    ),
    ledger.event('LegalCaseClosed', { caseId, country, beneficiaryIds, on: plusDays(on, 90) }, at),
    ledger.event(
      'LegalCaseReopened',
      { caseId, country, beneficiaryIds, stage: 'APPEAL', on: plusDays(on, 95) },
      at,
    ),
  ];
  return [`legalcase-${caseId}`, events];
}
