import { Inject, Injectable } from '@nestjs/common';
import { actorOf, perRequest, type GraphQLContext } from '@haven/platform/nest';
import type { AccessLogEntry } from '@haven/platform/privacy';
import { Privacy } from './privacy';

export interface AccessRead {
  recordType: string;
  recordId: string;
  fields: readonly string[];
  purpose: string | null;
  breakGlass: boolean;
}

/**
 * Writes the access log entries of a request: every read of one request that happens together
 * (the records of one page) is one INSERT, and each reader waits for it before returning values.
 */
@Injectable()
export class AccessRecorder {
  private readonly writes = perRequest(
    async (entries: readonly AccessLogEntry[]) => {
      await this.privacy.accessLog.record(entries);
      return entries.map(() => true);
    },
    // Every read is its own entry, even of the same record twice.
    { cache: false },
  );

  constructor(@Inject(Privacy) private readonly privacy: Privacy) {}

  /** Resolves once the entry is stored; rejects (and the values must not go out) otherwise. */
  async record(context: GraphQLContext, read: AccessRead): Promise<void> {
    const requestId = (context.req as { id?: unknown }).id;
    await this.writes(context).load({
      ...actorOf(context),
      ...read,
      requestId: requestId === undefined || requestId === null ? null : String(requestId),
    });
  }
}
