// Decisions along a victim's journey: rescue, identification, shelter placement and the steps of
// her return home.
import { check } from '@haven/platform/domain';
import {
  IDENTIFICATION_OUTCOMES,
  REPATRIATION_STEPS,
  type ProtectionCaseEvent,
  type RepatriationStep,
} from '@haven/protection/contracts';
import type {
  AttachRescuedVictim,
  RecordRepatriationStep,
  RecordRescueOperation,
  RecordShelterPlacement,
  RecordVictimIdentification,
} from './commands';
import {
  GuardianContactRequired,
  InvalidProtectionCaseData,
  PlacementEndsBeforeStart,
  RepatriationStepOutOfOrder,
  RescuedCountReached,
  RescueOperationNotFound,
  VictimNotIdentifiedOrPlaced,
} from './errors';
import {
  alreadyRecorded,
  label,
  lacksContact,
  open,
  optionalLabel,
  recordedAt,
  victimOf,
} from './rules';
import type { ProtectionCaseState } from './state';

/** The most partner agencies one operation names. */
export const MAX_PARTNER_AGENCIES = 20;
/** The most victims one operation names (a raid on a large brothel). */
export const MAX_RESCUED_PER_OPERATION = 200;
/** The most persons one operation may count as rescued, named or not yet. */
export const MAX_PERSONS_RESCUED = 1000;

/** A list of distinct values, each checked by `each`, at most `max` long. */
function distinctList<T>(
  values: unknown,
  field: string,
  max: number,
  what: string,
  each: (value: unknown) => T,
): T[] {
  if (!Array.isArray(values) || values.length > max) {
    throw new InvalidProtectionCaseData(field, `must be a list of at most ${max} ${what}.`);
  }
  const checked = values.map(each);
  if (new Set(checked).size !== checked.length) {
    throw new InvalidProtectionCaseData(field, `must not name ${what} twice.`);
  }
  return checked;
}

export function decideRescue(
  { data, metadata }: RecordRescueOperation,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const operationId = check.uuid(data.operationId, 'operationId');
  const date = check.dateOfFact(data.date, 'date', metadata.occurredAt);
  const place = label(data.place, 'place');
  const online = data.online ?? false;
  if (typeof online !== 'boolean') {
    throw new InvalidProtectionCaseData('online', 'must be true or false.');
  }
  const partnerAgencies = distinctList(
    data.partnerAgencies,
    'partnerAgencies',
    MAX_PARTNER_AGENCIES,
    'agencies',
    (agency) => label(agency, 'partnerAgencies'),
  );
  const rescuedBeneficiaryIds = distinctList(
    data.rescuedBeneficiaryIds,
    'rescuedBeneficiaryIds',
    MAX_RESCUED_PER_OPERATION,
    'beneficiary ids',
    (id) => check.uuid(id, 'rescuedBeneficiaryIds'),
  );
  const personsRescued =
    data.personsRescued == null
      ? rescuedBeneficiaryIds.length
      : check.wholeNumber(data.personsRescued, 'personsRescued', {
          min: 0,
          max: MAX_PERSONS_RESCUED,
        });
  if (personsRescued < rescuedBeneficiaryIds.length) {
    throw new InvalidProtectionCaseData(
      'personsRescued',
      'must be at least the number of rescued victims named.',
    );
  }
  const at = recordedAt(metadata);
  const record = {
    kind: 'rescue',
    date,
    place,
    online,
    personsRescued,
    partnerAgencies,
    rescuedBeneficiaryIds,
  } as const;
  if (alreadyRecorded(current, 'operationId', operationId, record)) return [];
  for (const beneficiaryId of rescuedBeneficiaryIds) victimOf(current, beneficiaryId);
  return [
    {
      type: 'RescueOperationRecorded',
      schemaVersion: 3,
      data: {
        caseId: current.caseId,
        operationId,
        date,
        place,
        online,
        partnerAgencies,
        personsRescued,
        rescuedBeneficiaryIds,
        recordedAt: at,
      },
    },
  ];
}

/**
 * A victim registered after her rescue is attached to it: the operation must be the case's, she
 * a victim of the case, and the operation not already naming as many victims as it rescued. The
 * same attachment again is a retry.
 */
export function decideAttachRescued(
  { data, metadata }: AttachRescuedVictim,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const operationId = check.uuid(data.operationId, 'operationId');
  const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
  const attachedAt = recordedAt(metadata);
  const operation = current.records[operationId];
  if (operation?.kind !== 'rescue') throw new RescueOperationNotFound();
  victimOf(current, beneficiaryId);
  const named = current.rescued[operationId] ?? [];
  if (named.includes(beneficiaryId)) return [];
  if (named.length >= operation.personsRescued) throw new RescuedCountReached();
  return [
    {
      type: 'RescuedVictimAttached',
      data: { caseId: current.caseId, operationId, beneficiaryId, attachedAt },
    },
  ];
}

export function decideIdentification(
  { data, metadata }: RecordVictimIdentification,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
  const outcome = check.oneOf(IDENTIFICATION_OUTCOMES, data.outcome, 'outcome');
  const date = check.dateOfFact(data.date, 'date', metadata.occurredAt);
  const authority = optionalLabel(data.authority, 'authority');
  const at = recordedAt(metadata);
  const last = victimOf(current, beneficiaryId).identification;
  // The same decision sent again is a retry; another one (a later review) is recorded.
  if (check.sameJson(last, { outcome, date, authority })) return [];
  return [
    {
      type: 'VictimIdentificationRecorded',
      data: { caseId: current.caseId, beneficiaryId, outcome, date, authority, recordedAt: at },
    },
  ];
}

export function decidePlacement(
  { data, metadata }: RecordShelterPlacement,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
  const placementId = check.uuid(data.placementId, 'placementId');
  const shelterName = label(data.shelterName, 'shelterName');
  const from = check.dateOfFact(data.from, 'from', metadata.occurredAt);
  // The end may be planned ahead: any real date.
  const to = data.to === null ? null : check.calendarDate(data.to, 'to');
  const at = recordedAt(metadata);
  const record = { kind: 'placement', beneficiaryId, shelterName, from, to } as const;
  if (alreadyRecorded(current, 'placementId', placementId, record)) return [];
  victimOf(current, beneficiaryId);
  if (to !== null && to < from) throw new PlacementEndsBeforeStart();
  return [
    {
      type: 'ShelterPlacementRecorded',
      data: {
        caseId: current.caseId,
        beneficiaryId,
        placementId,
        shelterName,
        from,
        to,
        recordedAt: at,
      },
    },
  ];
}

/** The step each step needs done first (the others may happen at any time, and repeat). */
const STEP_REQUIRES: Partial<Record<RepatriationStep, RepatriationStep>> = {
  RECEPTION: 'ESCORTED_JOURNEY',
  FOLLOW_UP: 'RECEPTION',
};

export function decideRepatriationStep(
  { data, metadata }: RecordRepatriationStep,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
  const step = check.oneOf(REPATRIATION_STEPS, data.step, 'step');
  const date = check.dateOfFact(data.date, 'date', metadata.occurredAt);
  const at = recordedAt(metadata);
  const victim = victimOf(current, beneficiaryId);
  if (victim.steps.some((done) => done.step === step && done.date === date)) return [];
  const requires = STEP_REQUIRES[step];
  if (requires && !victim.steps.some((done) => done.step === requires)) {
    throw new RepatriationStepOutOfOrder(step, requires);
  }
  if (step === 'ESCORTED_JOURNEY') {
    if (victim.identification?.outcome !== 'OFFICIALLY_IDENTIFIED' && !victim.placed) {
      throw new VictimNotIdentifiedOrPlaced();
    }
    if (lacksContact(current, victim)) throw new GuardianContactRequired();
  }
  return [
    {
      type: 'RepatriationStepRecorded',
      data: { caseId: current.caseId, beneficiaryId, step, date, recordedAt: at },
    },
  ];
}
