// A safe accommodation's place: where a woman who escaped traffickers sleeps. It is sealed with
// her key before it reaches the log, and opened only for the enrolment's workers, logged first.
import {
  BeneficiaryErased,
  MAX_PLACE_LENGTH,
  type EnrolmentState,
} from '@haven/empowerment/domain';
import { ServiceRow } from '@haven/empowerment/read-models';
import { check } from '@haven/platform/domain';
import { actorOf, type GraphQLContext, type PersonalData, principalOf } from '@haven/platform/nest';
import {
  openPersonalFields,
  PersonKeyDestroyedError,
  sealPersonalFields,
} from '@haven/platform/privacy';
import type { EmpowermentReadModel } from '../empowerment-read-model';

/** The name the place is sealed under (bound into the ciphertext with the person's id). */
const FIELD = 'accommodationPlace';

/** The place sealed for the enrolment's beneficiary; null when none was given. */
export async function sealPlace(
  privacy: PersonalData,
  state: EnrolmentState,
  place: string | null | undefined,
): Promise<string | null> {
  const line = check.optionalLine(place, 'place', MAX_PLACE_LENGTH);
  // Without an enrolment the decider refuses the command; nothing is sealed for nobody.
  if (line === null || state.status === 'NONE') return null;
  try {
    const sealed = await sealPersonalFields(privacy.keys, state.beneficiaryId, { [FIELD]: line });
    return sealed[FIELD] as string;
  } catch (error) {
    if (error instanceof PersonKeyDestroyedError) throw new BeneficiaryErased();
    throw error;
  }
}

/** The place of a service the principal may see, opened after the access log entry. */
export async function openPlace(
  privacy: PersonalData,
  readModel: EmpowermentReadModel,
  serviceId: string,
  context: GraphQLContext,
): Promise<string | null> {
  const row = await readModel
    .scoped(ServiceRow, principalOf(context))
    .andWhere('row.id = :id', { id: serviceId })
    .getOne();
  if (!row?.sealedPlace) return null;
  const requestId = (context.req as { id?: unknown }).id;
  await privacy.accessLog.record([
    {
      ...actorOf(context),
      recordType: 'EmpowermentService',
      recordId: row.id,
      fields: ['place'],
      purpose: null,
      breakGlass: false,
      requestId: requestId == null ? null : String(requestId),
    },
  ]);
  // Erased with the person, the place opens as nothing.
  const opened = await openPersonalFields(privacy.keys, row.beneficiaryId, {
    [FIELD]: row.sealedPlace,
  });
  return opened.values[FIELD] ?? null;
}
