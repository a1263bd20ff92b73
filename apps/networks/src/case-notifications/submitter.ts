import type { ReporterKind } from '@haven/networks/contracts';
import { clientError } from '@haven/platform/nest';
import { forbidden, type Principal, type Role } from '@haven/platform/security';

/**
 * Who a submission is from, as the token binds it (issue 13: a watchdog token could submit as
 * any watchdog's or group's record). A networks member's token submits as the record its subject
 * names, and as no other: the kind is the role's, the reference the subject. A partner reports
 * as PARTNER, naming no record but its own organisation. Staff enter what was phoned in, for any
 * reporter.
 */
const MEMBER_KIND: Partial<Record<Role, ReporterKind>> = {
  watchdog: 'WATCHDOG',
  womens_group: 'WOMENS_GROUP',
  agent_of_change: 'AGENT_OF_CHANGE',
};

const STAFF_REPORTER_KINDS: readonly ReporterKind[] = [
  'STAFF',
  'WATCHDOG',
  'AGENT_OF_CHANGE',
  'WOMENS_GROUP',
  'PARTNER',
  'TRAINEE',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Reporter = { reportedBy: ReporterKind; reporterReference: string | null };

/** The networks member kind a role submits as, if it is a member's role. */
export function memberKindOf(principal: Principal): ReporterKind | null {
  return MEMBER_KIND[principal.role] ?? null;
}

/** A member's token that names no record of its kind in the register (the same for any). */
export function unregisteredSubmitter() {
  return forbidden(
    'Your token is bound to no registered networks record of its kind: ask your network ' +
      'coordinator for a token whose subject is your record’s id.',
    'UNREGISTERED_SUBMITTER',
  );
}

function notYourRecord() {
  return forbidden(
    'You submit as your own record only: leave reporterReference out (or give your own id).',
    'NOT_YOUR_RECORD',
  );
}

function wrongKind(role: Role, allowed: readonly ReporterKind[]) {
  return clientError('BAD_USER_INPUT', `As ${role} you report as ${allowed.join(' or ')}.`, {
    fields: [{ field: 'reportedBy', messages: [`must be ${allowed.join(' or ')}`] }],
  });
}

/**
 * The reporter of a submission by this principal, from what it asked (the ids already checked
 * as UUIDs and lower-cased). Refuses a member's or partner's submission as another record.
 */
export function reporterFor(
  principal: Principal,
  asked: { reportedBy: ReporterKind | null | undefined; reporterReference: string | null },
): Reporter {
  const memberKind = memberKindOf(principal);
  if (memberKind) {
    if (asked.reportedBy && asked.reportedBy !== memberKind) {
      throw wrongKind(principal.role, [memberKind]);
    }
    if (!UUID.test(principal.subject)) throw unregisteredSubmitter();
    const own = principal.subject.toLowerCase();
    if (asked.reporterReference !== null && asked.reporterReference !== own) throw notYourRecord();
    return { reportedBy: memberKind, reporterReference: own };
  }
  if (principal.role === 'partner') {
    if (asked.reportedBy && asked.reportedBy !== 'PARTNER') throw wrongKind('partner', ['PARTNER']);
    const own = principal.organisationId?.toLowerCase() ?? null;
    if (asked.reporterReference !== null && asked.reporterReference !== own) throw notYourRecord();
    return { reportedBy: 'PARTNER', reporterReference: asked.reporterReference };
  }
  const reportedBy = asked.reportedBy ?? 'STAFF';
  if (!STAFF_REPORTER_KINDS.includes(reportedBy)) {
    throw wrongKind(principal.role, STAFF_REPORTER_KINDS);
  }
  return { reportedBy, reporterReference: asked.reporterReference };
}
