// The protection case decider: its commands (commands.ts), its state (state.ts), and its
// decisions on the case (decide-case.ts) and along each victim's journey (decide-journey.ts).
import { type Decider, refusingAs, unreachable } from '@haven/platform/domain';
import type { ProtectionCaseEvent } from '@haven/protection/contracts';
import type { ProtectionCaseCommand } from './commands';
import {
  decideAddVictim,
  decideClose,
  decideGuardianContact,
  decideNote,
  decideOpen,
  decideReopen,
} from './decide-case';
import {
  decideAttachRescued,
  decideIdentification,
  decidePlacement,
  decideRepatriationStep,
  decideRescue,
} from './decide-journey';
import { InvalidProtectionCaseData } from './errors';
import {
  evolveProtectionCase,
  initialProtectionCaseState,
  type ProtectionCaseState,
} from './state';

export type { ProtectionCaseEvent };
export * from './commands';
export {
  MAX_PARTNER_AGENCIES,
  MAX_PERSONS_RESCUED,
  MAX_RESCUED_PER_OPERATION,
} from './decide-journey';
export { MAX_LABEL_LENGTH } from './rules';
export {
  evolveProtectionCase,
  initialProtectionCaseState,
  type CaseRecord,
  type ProtectionCaseState,
  type VictimState,
} from './state';

function decide(command: ProtectionCaseCommand, state: ProtectionCaseState): ProtectionCaseEvent[] {
  switch (command.type) {
    case 'OpenProtectionCase':
      return decideOpen(command, state);
    case 'AddVictimToCase':
      return decideAddVictim(command, state);
    case 'AddInvestigationNote':
      return decideNote(command, state);
    case 'RecordRescueOperation':
      return decideRescue(command, state);
    case 'AttachRescuedVictim':
      return decideAttachRescued(command, state);
    case 'RecordVictimIdentification':
      return decideIdentification(command, state);
    case 'RecordShelterPlacement':
      return decidePlacement(command, state);
    case 'RecordRepatriationStep':
      return decideRepatriationStep(command, state);
    case 'RecordGuardianContact':
      return decideGuardianContact(command, state);
    case 'CloseProtectionCase':
      return decideClose(command, state);
    case 'ReopenProtectionCase':
      return decideReopen(command, state);
    default:
      return unreachable(command, 'command');
  }
}

/** Decides a case command; a value the kernel's checkers refuse is INVALID_CASE_DATA. */
export function decideProtectionCase(
  command: ProtectionCaseCommand,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  return refusingAs(InvalidProtectionCaseData, () => decide(command, state));
}

/** The protection case decider, for the command path. */
export const protectionCaseDecider: Decider<
  ProtectionCaseCommand,
  ProtectionCaseEvent,
  ProtectionCaseState
> = {
  decide: decideProtectionCase,
  evolve: evolveProtectionCase,
  initialState: initialProtectionCaseState,
};
