import { Inject, Injectable } from '@nestjs/common';
import { defineCommand } from '@haven/platform/nest';
import { breakGlassStreamId } from '@haven/protection/contracts';
import { breakGlassDecider, type RequestBreakGlassAccess } from '@haven/protection/domain';
import { BREAK_GLASS_GRANTS_TABLE } from '@haven/protection/read-models';
import { PROTECTION_SETTINGS, type ProtectionSettings } from '../settings';

/** A request as the resolver gives it: the beneficiary's country and scope read from its record. */
export type BreakGlassInput = Omit<RequestBreakGlassAccess['data'], 'durationMinutes'>;

/**
 * Break-glass access: the decider rules, then the grant's event and its row in
 * `protection.break_glass_grants`, in one transaction. The row is there when the request
 * returns, so the grant works on the very next request (no projection to wait for).
 */
@Injectable()
export class BreakGlassCommands {
  constructor(@Inject(PROTECTION_SETTINGS) private readonly settings: ProtectionSettings) {}

  readonly request = defineCommand({
    decider: breakGlassDecider,
    streamId: (input: BreakGlassInput) => breakGlassStreamId(input.grantId),
    // The roles are the mutation's policy; whether it is needed at all, the decider's.
    authorise: () => undefined,
    command: (input, _state, { metadata }): RequestBreakGlassAccess => ({
      type: 'RequestBreakGlassAccess',
      data: { ...input, durationMinutes: this.settings.breakGlassMinutes },
      metadata,
    }),
    alongside: async (client, [granted], _input, appended) => {
      const { data } = granted;
      await client.query(
        `INSERT INTO ${BREAK_GLASS_GRANTS_TABLE}
                (grant_id, beneficiary_id, country, subject, role, organisation_id, reason,
                 granted_at, expires_at, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          data.grantId,
          data.beneficiaryId,
          data.country,
          data.subject,
          data.role,
          data.organisationId,
          data.reason,
          data.grantedAt,
          data.expiresAt,
          appended.globalPositions[0],
        ],
      );
    },
  });
}
