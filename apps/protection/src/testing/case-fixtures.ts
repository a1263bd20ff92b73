// Shared by protection's case specs (case-referrals, case-work, case-access and the others in
// cases/): the callers, the case mutations run through the GraphQL API, the events a case's stream
// holds, the errors' codes and the timeline's summaries.
import type { TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { protectionCaseStreamId } from '@haven/protection/contracts';
import type { Client } from 'pg';
import { officer } from './fixtures';

export const thOfficer = officer(['TH'], 'officer-th');
export const laOfficer = officer(['LA'], 'officer-la');
export const legalOfficer: Principal = {
  subject: 'legal-th',
  role: 'legal_officer',
  countries: ['TH'],
  organisationId: 'alliance',
};

export const CASE_FIELDS = `
  id country province abroad formOfExploitation status sourceNotificationId openedAt closedAt
  closureReason hasMinors streamVersion investigationNoteCount
  victims {
    beneficiaryId formOfExploitation minor rescuedIn repatriationStepsDone
    identification { outcome date authority }
    shelterPlacement { shelterName from to }
  }
  rescueOperations { id date place partnerAgencies rescuedBeneficiaryIds }
  shelterPlacements { beneficiaryId shelterName from to }
  repatriationSteps { beneficiaryId step date }
  guardianOrShelterContact { kind }`;

export interface CaseView {
  id: string;
  country: string;
  status: string;
  streamVersion: number;
  hasMinors: boolean;
  sourceNotificationId: string | null;
  victims: Array<Record<string, unknown>>;
  rescueOperations: Array<Record<string, unknown>>;
  [field: string]: unknown;
}

export interface Payload {
  caseId: string;
  streamVersion: number;
  protectionCase: CaseView | null;
}

export type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

/** A mutation's input type, as the API names it: openProtectionCase → OpenProtectionCaseInput. */
export function inputTypeOf(mutation: string): string {
  return `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
}

/** Runs a case mutation (`name(input: $input)`) and returns its payload or its errors. */
export async function mutate(
  service: TestService,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  as: Principal = thOfficer,
): Promise<{ payload: Payload | null; errors?: Errors }> {
  const response = await service.graphql<Record<string, Payload>>(
    `mutation ($input: ${inputType}!) {
       ${name}(input: $input) { caseId streamVersion protectionCase { ${CASE_FIELDS} } }
     }`,
    { input },
    {},
    { as },
  );
  return { payload: response.body.data?.[name] ?? null, errors: response.body.errors };
}

/** Runs a case mutation that must succeed and returns its payload. */
export async function ok(
  service: TestService,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  as: Principal = thOfficer,
): Promise<Payload> {
  const { payload, errors } = await mutate(service, name, inputType, input, as);
  if (errors) throw new Error(`${name} failed: ${JSON.stringify(errors)}`);
  return payload!;
}

export const openCase = (service: TestService, input: Record<string, unknown>, as?: Principal) =>
  ok(
    service,
    'openProtectionCase',
    'OpenProtectionCaseInput',
    { formOfExploitation: 'SEX_TRAFFICKING', ...input },
    as,
  );
export const addVictim = (service: TestService, input: Record<string, unknown>, as?: Principal) =>
  ok(service, 'addVictimToCase', 'AddVictimToCaseInput', input, as);

/** How many events the case's stream holds. */
export async function eventsOf(sql: Client, caseId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
    [protectionCaseStreamId(caseId)],
  );
  return rows[0].n;
}

export function codes(errors: Errors | undefined) {
  return (errors ?? []).map((error) => ({
    code: error.extensions?.code,
    reason: error.extensions?.reason,
  }));
}

export const SUMMARY = `country province abroad formOfExploitation possibleVictims minors reportedBy
  beneficiaryId minor noteId operationId date victimsRescued outcome step kind reason`;

/** A summary with these facts, every other one null. */
export function summary(facts: Record<string, unknown>): Record<string, unknown> {
  const names = SUMMARY.split(/\s+/).filter(Boolean);
  return { ...Object.fromEntries(names.map((name) => [name, null])), ...facts };
}
