import { check, sameJson, unreachable, type Decider } from '@haven/platform/domain';
import {
  AGE_BANDS,
  DISTRIBUTION_KINDS,
  FIELD_WORKER_KINDS,
  MINOR_AGE_BANDS,
  notificationIdForDetection,
  RISK_REASONS,
  type ReliefDistributed,
} from '@haven/relief/contracts';
import {
  COUNTRIES,
  COUNTRY_CODES,
  CURRENCIES,
  FORMS_OF_EXPLOITATION,
  SEXES,
  type Country,
} from '@haven/vocabulary';
import {
  AgentOfChangeNeedsReference,
  BeneficiaryErased,
  DetectionAlreadyNotified,
  DetectionNotFound,
  EntryIdTaken,
  FollowUpBeforeStart,
  GrantOnlyForMicroProjects,
  GrantRequired,
  MicroProjectNotFound,
  OutsideResponseCountry,
  OutsideResponseDates,
  RecipientAliasRequired,
  RecipientAlreadyLinked,
  RecipientErased,
  ReliefResponseAlreadyOpened,
  ReliefResponseNotFound,
  ResponseEndsBeforeItStarts,
  UnknownAgentOfChange,
  UnknownBeneficiary,
  UnknownRecipient,
} from '../errors';
import type { BeneficiaryFacts, FieldWorker, Recipient, ReliefResponseCommand } from './commands';
import type { ReliefResponseEvent, ReliefResponseOpened } from './events';
import {
  evolveReliefResponse,
  initialReliefResponseState,
  type Open,
  type ReliefResponseState,
} from './state';
import { FOLLOW_UP_STATUSES, MAX_COUNT, MAX_LINE, MICRO_PROJECT_KINDS } from './words';

export {
  evolveReliefResponse,
  initialReliefResponseState,
  type ReliefResponseState,
} from './state';

// ---- Checks shared by the commands. -------------------------------------------------------

function mustBeOpen(state: ReliefResponseState): Open {
  if (state.status === 'NONE') throw new ReliefResponseNotFound();
  return state;
}

/** A fact's date: not in the future, and within the response's dates. */
function withinResponse(state: Open, value: string, field: string, now: string): string {
  const date = check.dateOfFact(value, field, now);
  const { startsOn, endsOn } = state.opened;
  if (date < startsOn || (endsOn !== null && date > endsOn)) throw new OutsideResponseDates(field);
  return date;
}

function fieldWork(worker: FieldWorker) {
  const fieldWorkerKind = check.oneOf(FIELD_WORKER_KINDS, worker?.kind, 'fieldWorker.kind');
  if (fieldWorkerKind === 'AGENT_OF_CHANGE' && !check.isUuid(worker.id)) {
    throw new AgentOfChangeNeedsReference('fieldWorker.id');
  }
  if (fieldWorkerKind === 'AGENT_OF_CHANGE' && worker.inRegister !== true) {
    throw new UnknownAgentOfChange('fieldWorker.agentOfChangeId');
  }
  const fieldWorkerId =
    fieldWorkerKind === 'AGENT_OF_CHANGE'
      ? check.uuid(worker.id, 'fieldWorker.id')
      : check.line(worker.id, 'fieldWorker.id', MAX_LINE);
  return { fieldWorkerKind, fieldWorkerId };
}

function mayReceive(beneficiary: BeneficiaryFacts): void {
  if (!beneficiary.known) throw new UnknownBeneficiary('beneficiaryId');
  if (beneficiary.erased) throw new BeneficiaryErased('beneficiaryId');
}

/**
 * Who receives, as recorded: a beneficiary (directly or through a link) and/or a relief recipient.
 * For a retry (`entryId` recorded already) what happened since (an erasure) does not refuse it:
 * the recorded facts decide.
 */
function recipientOf(state: Open, recipient: Recipient, entryId: string) {
  const retry = entryId in state.entries;
  if (recipient.kind === 'BENEFICIARY') {
    const beneficiaryId = check.uuid(recipient.beneficiaryId, 'recipient.beneficiaryId');
    if (!retry) mayReceive(recipient.beneficiary);
    return {
      recipientKind: 'BENEFICIARY' as const,
      beneficiaryId,
      recipientId: null,
      riskReason: null,
    };
  }
  const recipientId = check.uuid(recipient.recipientId, 'recipient.recipientId');
  const known = state.recipients[recipientId];
  if (!known) throw new UnknownRecipient('recipient.recipientId');
  if (known.erased && !retry) throw new RecipientErased('recipient.recipientId');
  return {
    recipientKind: 'RELIEF_RECIPIENT' as const,
    beneficiaryId: known.beneficiaryId,
    recipientId,
    riskReason: known.riskReason,
  };
}

/** New facts under a new id, nothing for a retry with the same facts, a conflict otherwise. */
function recordOnce<E extends ReliefResponseEvent>(state: Open, id: string, event: E): E[] {
  if (!(id in state.entries)) return [event];
  if (sameJson(asGiven(state.entries[id]), asGiven(event.data))) return [];
  throw new EntryIdTaken();
}

/**
 * An entry's facts as its giver gave them. Derived facts are left out: a relief recipient's
 * beneficiary comes from the link at the time, so a retry after a coordinator linked the recipient
 * is the same entry; the country (the response's) and a recipient's risk reason (her
 * registration's) are absent from entries stored before they were carried.
 */
function asGiven(facts: unknown): unknown {
  if (typeof facts !== 'object' || facts === null) return facts;
  const {
    country: _country,
    riskReason: _reason,
    ...given
  } = facts as {
    country?: unknown;
    riskReason?: unknown;
    recipientId?: string | null;
  };
  return given.recipientId ? { ...given, beneficiaryId: null } : given;
}

/**
 * A recipient's coarse facts, without the sealed alias: a seal differs on every sealing, and a
 * retry is not sealed again, so a retry is judged on the facts in clear.
 */
function recipientFacts(data: object): object {
  const { sealedAlias: _sealed, ...facts } = data as { sealedAlias?: unknown };
  return facts;
}

// ---- Decide. ------------------------------------------------------------------------------

export function decideReliefResponse(
  command: ReliefResponseCommand,
  state: ReliefResponseState,
): ReliefResponseEvent[] {
  const now = command.metadata.occurredAt;
  if (command.type === 'OpenReliefResponse') {
    const { data } = command;
    const startsOn = check.calendarDate(data.startsOn, 'startsOn');
    const endsOn = data.endsOn === null ? null : check.calendarDate(data.endsOn, 'endsOn');
    if (endsOn !== null && endsOn < startsOn) throw new ResponseEndsBeforeItStarts('endsOn');
    const opened: ReliefResponseOpened = {
      type: 'ReliefResponseOpened',
      data: {
        responseId: check.uuid(data.responseId, 'responseId'),
        name: check.line(data.name, 'name', MAX_LINE),
        country: check.oneOf(
          COUNTRIES.filter((c) => c !== 'OTHER'),
          data.country,
          'country',
        ) as Country,
        startsOn,
        endsOn,
        funder: check.optionalLine(data.funder, 'funder', MAX_LINE),
      },
    };
    if (state.status === 'NONE') return [opened];
    if (sameJson(state.opened, opened.data)) return [];
    throw new ReliefResponseAlreadyOpened();
  }

  const open = mustBeOpen(state);
  const responseId = open.opened.responseId;
  switch (command.type) {
    case 'RegisterReliefRecipient': {
      const { data } = command;
      const recipientId = check.uuid(data.recipientId, 'recipientId');
      const facts = {
        responseId,
        recipientId,
        ageBand: check.oneOf(AGE_BANDS, data.ageBand, 'ageBand'),
        sex: check.oneOf(SEXES, data.sex, 'sex'),
        district: check.line(data.district, 'district', MAX_LINE),
        householdSize: check.wholeNumber(data.householdSize, 'householdSize', {
          min: 1,
          max: MAX_COUNT,
        }),
        singleMotherHead: data.singleMotherHead === true,
        riskReason: check.oneOf(RISK_REASONS, data.riskReason, 'riskReason'),
        registeredOn: withinResponse(open, data.registeredOn, 'registeredOn', now),
        ...fieldWork(data.fieldWorker),
      };
      if (recipientId in open.entries) {
        if (sameJson(recipientFacts(open.entries[recipientId] as object), facts)) return [];
        throw new EntryIdTaken();
      }
      if (typeof data.sealedAlias !== 'string' || data.sealedAlias === '') {
        throw new RecipientAliasRequired('alias');
      }
      return [
        {
          type: 'ReliefRecipientRegistered',
          data: { ...facts, sealedAlias: data.sealedAlias },
        },
      ];
    }
    case 'EraseReliefRecipientAlias': {
      const recipientId = check.uuid(command.data.recipientId, 'recipientId');
      const recipient = open.recipients[recipientId];
      if (!recipient) throw new UnknownRecipient('recipientId');
      if (recipient.erased) return [];
      return [{ type: 'ReliefRecipientAliasErased', data: { responseId, recipientId } }];
    }
    case 'LinkRecipientToBeneficiary': {
      const { data } = command;
      const recipientId = check.uuid(data.recipientId, 'recipientId');
      const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
      const recipient = open.recipients[recipientId];
      if (!recipient) throw new UnknownRecipient('recipientId');
      // The same link again is a retry: done already, whatever happened since.
      if (recipient.beneficiaryId === beneficiaryId) return [];
      if (recipient.beneficiaryId !== null) throw new RecipientAlreadyLinked('beneficiaryId');
      if (recipient.erased) throw new RecipientErased('recipientId');
      mayReceive(data.beneficiary);
      return [{ type: 'ReliefRecipientLinked', data: { responseId, recipientId, beneficiaryId } }];
    }
    case 'RecordDistribution': {
      const { data } = command;
      const distributionId = check.uuid(data.distributionId, 'distributionId');
      const kind = check.oneOf(DISTRIBUTION_KINDS, data.kind, 'kind');
      if (data.country !== open.opened.country) throw new OutsideResponseCountry('country');
      const distributedOn = withinResponse(open, data.distributedOn, 'distributedOn', now);
      if (kind === 'MICRO_PROJECT_GRANT' && !data.grant) throw new GrantRequired('grant');
      if (kind !== 'MICRO_PROJECT_GRANT' && data.grant) {
        throw new GrantOnlyForMicroProjects('grant');
      }
      const grant = data.grant ? check.money(data.grant, 'grant', CURRENCIES) : null;
      const distributed: ReliefDistributed = {
        type: 'ReliefDistributed',
        data: {
          responseId,
          distributionId,
          country: open.opened.country,
          kind,
          ...recipientOf(open, data.recipient, distributionId),
          amountMinor: grant?.amountMinor ?? null,
          currency: grant?.currency ?? null,
          ...fieldWork(data.fieldWorker),
          distributedOn,
        },
      };
      return recordOnce(open, distributionId, distributed);
    }
    case 'RecordPersonAtRisk': {
      const { data } = command;
      const entryId = check.uuid(data.entryId, 'entryId');
      return recordOnce(open, entryId, {
        type: 'PersonAtRiskRecorded',
        data: {
          responseId,
          country: open.opened.country,
          entryId,
          reason: check.oneOf(RISK_REASONS, data.reason, 'reason'),
          sex: check.oneOf(SEXES, data.sex, 'sex'),
          ageBand: check.oneOf(AGE_BANDS, data.ageBand, 'ageBand'),
          district: check.line(data.district, 'district', MAX_LINE),
          foundOn: withinResponse(open, data.foundOn, 'foundOn', now),
          ...fieldWork(data.fieldWorker),
        },
      });
    }
    case 'RecordMigratedFamilies': {
      const { data } = command;
      const entryId = check.uuid(data.entryId, 'entryId');
      return recordOnce(open, entryId, {
        type: 'MigratedFamiliesRecorded',
        data: {
          responseId,
          country: open.opened.country,
          entryId,
          families: check.wholeNumber(data.families, 'families', { min: 1, max: MAX_COUNT }),
          destination: check.oneOf(COUNTRY_CODES, data.destination, 'destination'),
          district: check.line(data.district, 'district', MAX_LINE),
          recordedOn: withinResponse(open, data.recordedOn, 'recordedOn', now),
          ...fieldWork(data.fieldWorker),
        },
      });
    }
    case 'RecordPotentialVictim': {
      const { data } = command;
      const detectionId = check.uuid(data.detectionId, 'detectionId');
      return recordOnce(open, detectionId, {
        type: 'PotentialVictimDetected',
        data: {
          responseId,
          country: open.opened.country,
          detectionId,
          formOfExploitation: check.oneOf(
            FORMS_OF_EXPLOITATION,
            data.formOfExploitation,
            'formOfExploitation',
          ),
          destination: check.optionalOneOf(COUNTRY_CODES, data.destination, 'destination'),
          place: check.line(data.place, 'place', MAX_LINE),
          sex: check.oneOf(SEXES, data.sex, 'sex'),
          ageBand: check.oneOf(AGE_BANDS, data.ageBand, 'ageBand'),
          detectedOn: withinResponse(open, data.detectedOn, 'detectedOn', now),
          ...fieldWork(data.fieldWorker),
        },
      });
    }
    case 'NotifyDetection': {
      const detectionId = check.uuid(command.data.detectionId, 'detectionId');
      const detection = open.detections[detectionId];
      if (!detection) throw new DetectionNotFound('detectionId');
      if (detection.notified) throw new DetectionAlreadyNotified();
      const facts = open.entries[detectionId] as {
        formOfExploitation: (typeof FORMS_OF_EXPLOITATION)[number];
        place: string;
        sex: (typeof SEXES)[number];
        ageBand: (typeof AGE_BANDS)[number];
      };
      return [
        {
          type: 'ReliefDetectionNotified',
          data: {
            responseId,
            detectionId,
            notificationId: notificationIdForDetection(detectionId),
            country: open.opened.country,
            province: facts.place,
            formOfExploitation: facts.formOfExploitation,
            sex: facts.sex,
            minor: MINOR_AGE_BANDS.includes(facts.ageBand),
            notifiedAt: check.instant(now, 'occurredAt'),
          },
        },
      ];
    }
    case 'StartMicroProject': {
      const { data } = command;
      const projectId = check.uuid(data.projectId, 'projectId');
      const grant = check.money(data.grant, 'grant', CURRENCIES);
      const { beneficiaryId, recipientId } = recipientOf(open, data.recipient, projectId);
      return recordOnce(open, projectId, {
        type: 'MicroProjectStarted',
        data: {
          responseId,
          projectId,
          beneficiaryId,
          recipientId,
          kind: check.oneOf(MICRO_PROJECT_KINDS, data.kind, 'kind'),
          amountMinor: grant.amountMinor,
          currency: grant.currency,
          marketCheckDone: data.marketCheckDone === true,
          startedOn: withinResponse(open, data.startedOn, 'startedOn', now),
        },
      });
    }
    case 'RecordMicroProjectFollowUp': {
      const { data } = command;
      const projectId = check.uuid(data.projectId, 'projectId');
      const project = open.microProjects[projectId];
      if (!project) throw new MicroProjectNotFound('projectId');
      const followUpId = check.uuid(data.followUpId, 'followUpId');
      // Follow-ups go on after the response's dates: the project outlives the crisis.
      const followedUpOn = check.dateOfFact(data.followedUpOn, 'followedUpOn', now);
      if (followedUpOn < project.startedOn) throw new FollowUpBeforeStart('followedUpOn');
      return recordOnce(open, followUpId, {
        type: 'MicroProjectFollowedUp',
        data: {
          responseId,
          projectId,
          followUpId,
          followedUpOn,
          status: check.oneOf(FOLLOW_UP_STATUSES, data.status, 'status'),
        },
      });
    }
    default:
      return unreachable(command, 'command');
  }
}

export const reliefResponseDecider: Decider<
  ReliefResponseCommand,
  ReliefResponseEvent,
  ReliefResponseState
> = {
  decide: decideReliefResponse,
  evolve: evolveReliefResponse,
  initialState: initialReliefResponseState,
};
