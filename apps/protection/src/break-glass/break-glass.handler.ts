import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata } from '@haven/platform/event-store';
import {
  handleCommandInTransaction,
  ServiceDatabase,
  type CommandResult,
} from '@haven/platform/nest';
import { breakGlassStreamId } from '@haven/protection/contracts';
import { breakGlassDecider } from '@haven/protection/domain';
import { BREAK_GLASS_GRANTS_TABLE } from '@haven/protection/read-models';
import { v7 as uuidv7 } from 'uuid';
import { Privacy } from '../personal-data/privacy';
import { PROTECTION_SETTINGS, type ProtectionSettings } from '../settings';

export interface BreakGlassRequest {
  beneficiaryId: string;
  beneficiaryCountry: string;
  /** Whether the beneficiary is already within the requester's scope (then it is refused). */
  withinScope: boolean;
  reason: string;
}

/**
 * Grants break-glass access: the decider rules, then the grant's event and its row in
 * `protection.break_glass_grants`, in one transaction. The row is there when the request
 * returns, so the grant works on the very next request (no projection to wait for).
 */
@Injectable()
export class BreakGlassHandler {
  constructor(
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
    @Inject(Privacy) private readonly privacy: Privacy,
    @Inject(PROTECTION_SETTINGS) private readonly settings: ProtectionSettings,
  ) {}

  async grant(
    request: BreakGlassRequest,
    metadata: EventMetadata,
  ): Promise<CommandResult & { grantId: string; expiresAt: Date }> {
    const grantId = uuidv7();
    let expiresAt: Date | undefined;
    const result = await handleCommandInTransaction(
      this.database.eventStore,
      () => this.privacy.connect(),
      breakGlassStreamId(grantId),
      breakGlassDecider,
      {
        type: 'RequestBreakGlassAccess',
        data: { grantId, ...request, durationMinutes: this.settings.breakGlassMinutes },
        metadata,
      },
      metadata,
      async (client, appended, [granted]) => {
        const { data } = granted;
        expiresAt = new Date(data.expiresAt);
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
    );
    if (!expiresAt) throw new Error('The break-glass grant was not recorded.');
    return { ...result, grantId, expiresAt };
  }
}
