// Advocacy actions (petitions, task forces, statements): about laws and practices, never persons.
import { unreachable, type Command, type Decider } from '@haven/platform/domain';
import type {
  AdvocacyIntegrationEvent,
  AdvocacyKind,
  AdvocacyOutcome,
} from '@haven/legal/contracts';
import { AdvocacyActionAlreadyRecorded, AdvocacyActionNotFound, SameOutcome } from '../errors';

export type RecordAdvocacyAction = Command<
  'RecordAdvocacyAction',
  {
    actionId: string;
    kind: AdvocacyKind;
    country: string;
    subject: string;
    partnerOrganisationIds: string[];
    outcome: AdvocacyOutcome;
    on: string;
  }
>;
export type RecordAdvocacyOutcome = Command<
  'RecordAdvocacyOutcome',
  { actionId: string; outcome: AdvocacyOutcome; on: string }
>;
export type AdvocacyCommand = RecordAdvocacyAction | RecordAdvocacyOutcome;

export type AdvocacyState =
  { status: 'NONE' } | { status: 'RECORDED'; country: string; outcome: AdvocacyOutcome };

export const advocacyDecider: Decider<AdvocacyCommand, AdvocacyIntegrationEvent, AdvocacyState> = {
  initialState: () => ({ status: 'NONE' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordAdvocacyAction':
        if (state.status !== 'NONE') throw new AdvocacyActionAlreadyRecorded();
        return [{ type: 'AdvocacyActionRecorded', data: command.data }];
      case 'RecordAdvocacyOutcome':
        if (state.status === 'NONE') throw new AdvocacyActionNotFound();
        if (state.outcome === command.data.outcome) throw new SameOutcome();
        return [
          { type: 'AdvocacyOutcomeRecorded', data: { ...command.data, country: state.country } },
        ];
      default:
        return unreachable(command, 'command');
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AdvocacyActionRecorded':
        return { status: 'RECORDED', country: event.data.country, outcome: event.data.outcome };
      case 'AdvocacyOutcomeRecorded':
        return state.status === 'NONE' ? state : { ...state, outcome: event.data.outcome };
      default:
        return unreachable(event, 'event');
    }
  },
};
