import { Inject, Injectable } from '@nestjs/common';
import { principalOf, type GraphQLContext } from '@haven/platform/nest';
import { forbidden, inScope } from '@haven/platform/security';
import type { BeneficiaryRow } from '@haven/protection/read-models';
import { BreakGlassGrants } from '../break-glass/break-glass-grants';

export function outOfScope() {
  return forbidden(
    'This beneficiary is outside your scope (country or organisation).',
    'OUT_OF_SCOPE',
  );
}

/**
 * Whether the caller may read a beneficiary's record: within their scope, or outside it under a
 * break-glass grant that has not expired, and then only with a stated purpose (the read is
 * logged as a break-glass read). Which fields they may read is the fields' policies' business.
 */
@Injectable()
export class BeneficiaryAccess {
  constructor(@Inject(BreakGlassGrants) private readonly grants: BreakGlassGrants) {}

  async check(
    context: GraphQLContext,
    row: BeneficiaryRow,
    purpose: string | null | undefined,
  ): Promise<{ breakGlass: boolean }> {
    if (inScope(principalOf(context), row)) return { breakGlass: false };
    const grant = await this.grants.activeGrant(context, row.id);
    if (!grant) throw outOfScope();
    if (!purpose) {
      throw forbidden(
        'Reading a beneficiary under break-glass access needs a purpose: pass the purpose argument.',
        'PURPOSE_REQUIRED',
      );
    }
    return { breakGlass: true };
  }
}
