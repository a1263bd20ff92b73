import {
  CLOSURE_REASONS,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_RHYTHMS,
  GRANT_PURPOSES,
  PLAN_GOALS,
  REHABILITATION_ACTIVITIES,
  SERVICE_KINDS,
  SERVICE_MODES,
  SERVICE_OUTCOMES,
  SETTING_KINDS,
  type Setting,
} from '@haven/empowerment/contracts';
import { check, InvalidValue, unreachable, type Decider } from '@haven/platform/domain';
import { CURRENCIES } from '@haven/vocabulary';
import {
  AlreadyEnrolled,
  BeforeEnrolment,
  BeneficiaryErased,
  BeneficiaryUnknown,
  DisbursementAboveApproved,
  EnrolmentClosed,
  GrantAlreadyDisbursed,
  GrantNotApproved,
  IdAlreadyUsed,
  ModeNotAllowed,
  NextFollowUpNotAfter,
  NoteEmpty,
  NotEnrolled,
  PlanInvalid,
  SameSetting,
  ServicesConsentMissing,
  SettingIncomplete,
  TrainingAlreadyCompleted,
} from '../errors';
import {
  NOTE_TOPICS,
  type EnrolmentCommand,
  type EnrolmentEvent,
  type EnrolmentState,
  type RecordEmpowermentService,
} from './enrolment-types';
import { serviceDetails, wholeYearsBetween } from './service-details';

export const MAX_PLACE_LENGTH = 120;

type Open = Extract<EnrolmentState, { status: 'OPEN' }>;

/** Which modes (and rehabilitation activities) each kind of service takes. */
const MODES: Partial<Record<string, { modes: readonly string[]; required: boolean }>> = {
  REHABILITATION: { modes: ['GROUP', 'INDIVIDUAL'], required: true },
  INTENSIVE_REHABILITATION: { modes: ['WITH_PSYCHOLOGIST'], required: true },
  COUNSELLING: { modes: ['GROUP', 'INDIVIDUAL'], required: false },
  FAMILY_ENGAGEMENT: { modes: ['FAMILY_VISIT', 'FAMILY_COUNSELLING'], required: true },
};

function setting(value: Setting): Setting {
  const kind = check.oneOf(SETTING_KINDS, value?.kind, 'setting.kind');
  const line = (field: keyof Setting) =>
    check.optionalLine(value[field], `setting.${field}`, MAX_PLACE_LENGTH);
  if (kind === 'SHELTER') {
    const shelterName = line('shelterName');
    if (shelterName === null || typeof value.governmentRun !== 'boolean') {
      throw new SettingIncomplete('setting');
    }
    if (value.province || value.district) throw new SettingIncomplete('setting');
    return {
      kind,
      shelterName,
      governmentRun: value.governmentRun,
      province: null,
      district: null,
    };
  }
  const province = line('province');
  if (province === null || value.shelterName || value.governmentRun != null) {
    throw new SettingIncomplete('setting');
  }
  return { kind, shelterName: null, governmentRun: null, province, district: line('district') };
}

/** The state a command other than enrolment acts on: an open enrolment, the person not erased. */
function open(state: EnrolmentState, erased: boolean): Open {
  if (state.status === 'NONE') throw new NotEnrolled();
  if (state.status === 'CLOSED') throw new EnrolmentClosed();
  if (erased) throw new BeneficiaryErased();
  return state;
}

/** A fact's date: real, not in the future, and not before the enrolment began. */
function factDate(state: Open, value: string, field: string, now: string): string {
  const date = check.dateOfFact(value, field, now);
  if (date < state.enrolledOn) throw new BeforeEnrolment(field);
  return date;
}

/**
 * The person's statistical attributes on the day of a fact (ADR 21): her age at enrolment plus
 * the whole years since, and whether that makes her a minor (as at enrolment when her age is
 * unknown).
 */
function statisticsOn(state: Open, day: string) {
  const ageYears =
    state.ageYears === null ? null : state.ageYears + wholeYearsBetween(state.enrolledOn, day);
  return {
    nationality: state.nationality,
    ageYears,
    minor: ageYears === null ? state.minor : ageYears < 18,
  };
}

/** A record with an id: nothing when it repeats (a retry), refused when the id means another. */
function once(state: Open, id: string, event: EnrolmentEvent): EnrolmentEvent[] {
  const before = state.records[id];
  if (before === undefined) return [event];
  if (check.sameJson(inClear(before), inClear(event.data))) return [];
  throw new IdAlreadyUsed();
}

/**
 * A record's facts in clear: a sealed value differs each time it is sealed (a fresh nonce), so a
 * retry is recognised by the rest (a note by its text's digest, which binds the author too).
 */
function inClear(data: object): object {
  const {
    sealedPlace: _place,
    sealedText: _text,
    ...clear
  } = data as { sealedPlace?: unknown; sealedText?: unknown };
  return clear;
}

/** Whole years on `day`, from the age protection knew on `knownOn`; null when unknown. */
function ageOn(ageYears: number | null, knownOn: string | null, day: string): number | null {
  if (ageYears === null || ageYears === undefined) return null;
  if (!knownOn) return ageYears;
  // Enrolled before protection registered her: count the whole years back, never a part of one.
  if (day < knownOn) return Math.max(0, ageYears - wholeYearsBetween(day, knownOn));
  return ageYears + wholeYearsBetween(knownOn, day);
}

function service(command: RecordEmpowermentService, state: Open): EnrolmentEvent[] {
  const { data, metadata } = command;
  const serviceId = check.uuid(data.serviceId, 'serviceId');
  const kind = check.oneOf(SERVICE_KINDS, data.kind, 'kind');
  const mode = data.mode === null ? null : check.oneOf(SERVICE_MODES, data.mode, 'mode');
  const activity =
    data.activity === null
      ? null
      : check.oneOf(REHABILITATION_ACTIVITIES, data.activity, 'activity');
  const allowed = MODES[kind];
  if (mode === null ? allowed?.required : !allowed?.modes.includes(mode)) {
    throw new ModeNotAllowed('mode');
  }
  if ((kind === 'REHABILITATION') !== (activity !== null)) throw new ModeNotAllowed('activity');
  const details = serviceDetails(kind, data);
  const providedOn = factDate(state, data.providedOn, 'providedOn', metadata.occurredAt);
  const { nationality, ageYears, minor } = statisticsOn(state, providedOn);
  return once(state, serviceId, {
    type: 'EmpowermentServiceRecorded',
    schemaVersion: 2,
    data: {
      enrolmentId: state.enrolmentId,
      beneficiaryId: state.beneficiaryId,
      country: state.country,
      serviceId,
      kind,
      mode,
      activity,
      outcome:
        data.outcome === null ? null : check.oneOf(SERVICE_OUTCOMES, data.outcome, 'outcome'),
      ...details,
      nationality,
      ageYears,
      minor,
      providedOn,
      providedBy: check.line(data.providedBy, 'providedBy', 200),
    },
  });
}

export function decideEnrolment(
  command: EnrolmentCommand,
  state: EnrolmentState,
): EnrolmentEvent[] {
  const now = command.metadata.occurredAt;
  if (command.type === 'EnrolBeneficiary') {
    const { data } = command;
    const { beneficiary } = data;
    if (!beneficiary.known || !beneficiary.country || !beneficiary.sex) {
      throw new BeneficiaryUnknown('beneficiaryId');
    }
    if (beneficiary.erased) throw new BeneficiaryErased();
    if (!beneficiary.servicesConsent) throw new ServicesConsentMissing();
    const enrolledOn = check.dateOfFact(data.enrolledOn, 'enrolledOn', now);
    const event: EnrolmentEvent = {
      type: 'BeneficiaryEnrolled',
      schemaVersion: 2,
      data: {
        enrolmentId: check.uuid(data.enrolmentId, 'enrolmentId'),
        beneficiaryId: check.uuid(data.beneficiaryId, 'beneficiaryId'),
        country: beneficiary.country,
        sex: beneficiary.sex,
        minor: beneficiary.minor === true,
        nationality: beneficiary.nationality ?? null,
        ageYears: ageOn(beneficiary.ageYears, beneficiary.ageOn, enrolledOn),
        setting: setting(data.setting),
        enrolledOn,
      },
    };
    if (state.status === 'NONE') return [event];
    if (check.sameJson(state.enrolment, event.data)) return [];
    throw new AlreadyEnrolled();
  }
  if (command.type === 'CloseEnrolment') {
    if (state.status === 'NONE') throw new NotEnrolled();
    const reason = check.oneOf(CLOSURE_REASONS, command.data.reason, 'reason');
    const closedOn = check.dateOfFact(command.data.closedOn, 'closedOn', now);
    if (state.status === 'CLOSED') {
      if (state.reason === reason && state.closedOn === closedOn) return [];
      throw new EnrolmentClosed();
    }
    if (closedOn < state.enrolledOn) throw new BeforeEnrolment('closedOn');
    const { enrolmentId, beneficiaryId, country } = state;
    return [
      { type: 'EnrolmentClosed', data: { enrolmentId, beneficiaryId, country, reason, closedOn } },
    ];
  }
  const current = open(state, command.data.erased);
  const of = {
    enrolmentId: current.enrolmentId,
    beneficiaryId: current.beneficiaryId,
    country: current.country,
  };
  switch (command.type) {
    case 'ChangeEnrolmentSetting': {
      const next = setting(command.data.setting);
      const changedOn = factDate(current, command.data.changedOn, 'changedOn', now);
      if (check.sameJson(next, current.setting)) throw new SameSetting();
      return [{ type: 'EnrolmentSettingChanged', data: { ...of, setting: next, changedOn } }];
    }
    case 'AgreeReintegrationPlan': {
      const { data } = command;
      const agreedOn = factDate(current, data.agreedOn, 'agreedOn', now);
      const goals = (data.goals ?? []).map((goal, i) =>
        check.oneOf(PLAN_GOALS, goal, `goals.${i}`),
      );
      if (goals.length === 0 || new Set(goals).size !== goals.length)
        throw new PlanInvalid('goals');
      const reviewDates = (data.reviewDates ?? []).map((d, i) =>
        check.calendarDate(d, `reviewDates.${i}`),
      );
      [agreedOn, ...reviewDates].forEach((date, i, all) => {
        if (i > 0 && date <= all[i - 1]) throw new PlanInvalid('reviewDates');
      });
      const plan = {
        ...of,
        goals,
        followUpRhythm: check.oneOf(FOLLOW_UP_RHYTHMS, data.followUpRhythm, 'followUpRhythm'),
        reviewDates,
        agreedOn,
      };
      if (current.plan && check.sameJson(current.plan, plan)) return [];
      return [{ type: 'ReintegrationPlanAgreed', data: plan }];
    }
    case 'RecordEmpowermentService':
      return service(command, current);
    case 'RecordFollowUp': {
      const { data } = command;
      const followUpId = check.uuid(data.followUpId, 'followUpId');
      const followedUpOn = factDate(current, data.followedUpOn, 'followedUpOn', now);
      const nextFollowUpOn =
        data.nextFollowUpOn === null
          ? null
          : check.calendarDate(data.nextFollowUpOn, 'nextFollowUpOn');
      if (nextFollowUpOn !== null && nextFollowUpOn <= followedUpOn) {
        throw new NextFollowUpNotAfter('nextFollowUpOn');
      }
      if (typeof data.reached !== 'boolean')
        throw new InvalidValue('reached', 'must be true or false.');
      return once(current, followUpId, {
        type: 'FollowUpRecorded',
        schemaVersion: 2,
        data: {
          ...of,
          ...statisticsOn(current, followedUpOn),
          followUpId,
          channel: check.oneOf(FOLLOW_UP_CHANNELS, data.channel, 'channel'),
          reached: data.reached,
          followedUpOn,
          nextFollowUpOn,
          providedBy: check.line(data.providedBy, 'providedBy', 200),
        },
      });
    }
    case 'ApproveSmallGrant': {
      const { data } = command;
      const grantId = check.uuid(data.grantId, 'grantId');
      return once(current, grantId, {
        type: 'SmallGrantApproved',
        data: {
          ...of,
          grantId,
          purpose: check.oneOf(GRANT_PURPOSES, data.purpose, 'purpose'),
          amount: check.money(data.amount, 'amount', CURRENCIES),
          approvedOn: factDate(current, data.approvedOn, 'approvedOn', now),
        },
      });
    }
    case 'DisburseSmallGrant': {
      const { data } = command;
      const grantId = check.uuid(data.grantId, 'grantId');
      const amount = check.money(data.amount, 'amount', CURRENCIES);
      const disbursedOn = factDate(current, data.disbursedOn, 'disbursedOn', now);
      const grant = current.grants[grantId];
      if (!grant) throw new GrantNotApproved();
      if (grant.disbursed) {
        if (check.sameJson(grant.disbursed, amount)) return [];
        throw new GrantAlreadyDisbursed();
      }
      if (
        amount.currency !== grant.approved.currency ||
        amount.amountMinor > grant.approved.amountMinor
      ) {
        throw new DisbursementAboveApproved('amount');
      }
      return [{ type: 'SmallGrantDisbursed', data: { ...of, grantId, amount, disbursedOn } }];
    }
    case 'CompleteAgentOfChangeTraining': {
      const completedOn = factDate(current, command.data.completedOn, 'completedOn', now);
      if (current.trainedOn !== null) {
        if (current.trainedOn === completedOn) return [];
        throw new TrainingAlreadyCompleted();
      }
      const { nationality, ageYears, minor } = statisticsOn(current, completedOn);
      return [
        {
          type: 'AgentOfChangeTrainingCompleted',
          schemaVersion: 2,
          data: { ...of, sex: current.sex, minor, nationality, ageYears, completedOn },
        },
      ];
    }
    case 'RecordEmpowermentNote': {
      const { data } = command;
      const noteId = check.uuid(data.noteId, 'noteId');
      if (typeof data.sealedText !== 'string' || data.sealedText === '')
        throw new NoteEmpty('text');
      return once(current, noteId, {
        type: 'EmpowermentNoteRecorded',
        data: {
          enrolmentId: current.enrolmentId,
          beneficiaryId: current.beneficiaryId,
          noteId,
          topic: check.oneOf(NOTE_TOPICS, data.topic, 'topic'),
          writtenOn: factDate(current, data.writtenOn, 'writtenOn', now),
          sealedText: data.sealedText,
          textDigest: check.line(data.textDigest, 'textDigest', 128),
        },
      });
    }
    default:
      return unreachable(command, 'command');
  }
}

export function evolveEnrolment(state: EnrolmentState, event: EnrolmentEvent): EnrolmentState {
  if (event.type === 'BeneficiaryEnrolled') {
    const { data } = event;
    return {
      status: 'OPEN',
      enrolmentId: data.enrolmentId,
      beneficiaryId: data.beneficiaryId,
      country: data.country,
      sex: data.sex,
      minor: data.minor,
      // Version 1 enrolments (read through no upcaster, as the audit replays them) knew neither.
      nationality: data.nationality ?? null,
      ageYears: data.ageYears ?? null,
      enrolledOn: data.enrolledOn,
      enrolment: data,
      setting: data.setting,
      plan: null,
      records: {},
      grants: {},
      trainedOn: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'EnrolmentSettingChanged':
      return { ...state, setting: event.data.setting };
    case 'ReintegrationPlanAgreed':
      return { ...state, plan: event.data };
    case 'EmpowermentServiceRecorded':
      return { ...state, records: { ...state.records, [event.data.serviceId]: event.data } };
    case 'FollowUpRecorded':
      return { ...state, records: { ...state.records, [event.data.followUpId]: event.data } };
    case 'EmpowermentNoteRecorded':
      return { ...state, records: { ...state.records, [event.data.noteId]: event.data } };
    case 'SmallGrantApproved':
      return {
        ...state,
        records: { ...state.records, [event.data.grantId]: event.data },
        grants: {
          ...state.grants,
          [event.data.grantId]: { approved: event.data.amount, disbursed: null },
        },
      };
    case 'SmallGrantDisbursed': {
      const grant = state.grants[event.data.grantId];
      if (!grant) return state;
      return {
        ...state,
        grants: {
          ...state.grants,
          [event.data.grantId]: { ...grant, disbursed: event.data.amount },
        },
      };
    }
    case 'AgentOfChangeTrainingCompleted':
      return { ...state, trainedOn: event.data.completedOn };
    case 'EnrolmentClosed':
      return {
        ...state,
        status: 'CLOSED',
        reason: event.data.reason,
        closedOn: event.data.closedOn,
      };
    default:
      return unreachable(event, 'event');
  }
}

/** The decider of an enrolment and everything recorded on it. */
export const enrolmentDecider: Decider<EnrolmentCommand, EnrolmentEvent, EnrolmentState> = {
  decide: decideEnrolment,
  evolve: evolveEnrolment,
  initialState: () => ({ status: 'NONE' }),
};
