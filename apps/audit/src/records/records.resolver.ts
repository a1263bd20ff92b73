import { Inject } from '@nestjs/common';
import { Args, Context, GraphQLISODateTime, Int, Query, Resolver } from '@nestjs/graphql';
import type { EventStore, RecordedEvent } from '@haven/platform/event-store';
import { EVENT_STORE, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { AuditLogService } from '../log/audit-log.service';
import { AuditPolicy } from '../policies';
import { REPLAYERS } from '../replay/replayers';
import {
  badInput,
  knownStream,
  pastInstant,
  positionInLog,
  recordAuditAccess,
} from './audit-access';
import {
  AuditEventType,
  AuditRecordType,
  AuditStreamType,
  AuditStreamVerificationType,
} from './audit.types';

/** Maps a stored event to its GraphQL type: the stored text, nothing opened. */
function toAuditEvent(event: RecordedEvent): AuditEventType {
  return {
    globalPosition: event.globalPosition,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt,
  };
}

/** A record as it stood: its events, its state rebuilt, its hash chain checked. */
@Resolver()
export class RecordsResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly audit: AuditLogService,
  ) {}

  @Query(() => AuditStreamType, {
    description:
      "A record's events as they stood at a date (recorded at or before it) or a global position. Sealed fields stay sealed.",
  })
  @Policy(AuditPolicy.audit)
  async auditStream(
    @Context() context: GraphQLContext,
    @Args('streamId') streamId: string,
    @Args('asOf', { type: () => GraphQLISODateTime, nullable: true }) asOf?: Date | null,
    @Args('upToPosition', { type: () => Int, nullable: true }) upToPosition?: number | null,
  ): Promise<AuditStreamType> {
    const time = pastInstant(asOf);
    const position = await positionInLog(this.store, upToPosition);
    await knownStream(this.store, streamId);
    await recordAuditAccess(this.audit.accessLog, context, 'AuditStream', streamId, ['events']);
    const events = await this.store.readStream(streamId, {
      upToTime: time ?? undefined,
      upToPosition: position ?? undefined,
    });
    return { streamId, asOf: time, upToPosition: position, events: events.map(toAuditEvent) };
  }

  @Query(() => AuditRecordType, {
    description:
      "A record's state as of a date, or a global position, or both, rebuilt by replaying its events through its own service's evolve.",
  })
  @Policy(AuditPolicy.audit)
  async auditRecord(
    @Context() context: GraphQLContext,
    @Args('streamId') streamId: string,
    @Args('asOf', { type: () => GraphQLISODateTime, nullable: true }) asOf?: Date | null,
    @Args('upToPosition', { type: () => Int, nullable: true }) upToPosition?: number | null,
  ): Promise<AuditRecordType> {
    if (asOf == null && upToPosition == null) {
      throw badInput('Give asOf, upToPosition, or both: the moment to rebuild the record at.');
    }
    const time = pastInstant(asOf);
    const position = await positionInLog(this.store, upToPosition);
    await knownStream(this.store, streamId);
    const replayer = REPLAYERS.forStream(streamId);
    if (!replayer) {
      throw badInput(
        `No replayer knows this kind of record; known categories: ${REPLAYERS.categories.join(', ')}.`,
      );
    }
    await recordAuditAccess(this.audit.accessLog, context, 'AuditRecord', streamId, ['state']);
    const events = await this.store.readStream(streamId, {
      upToTime: time ?? undefined,
      upToPosition: position ?? undefined,
    });
    const last = events[events.length - 1];
    return {
      streamId,
      recordType: replayer.recordType,
      service: replayer.service,
      asOf: time,
      upToPosition: position,
      version: last?.streamVersion ?? 0,
      lastPosition: last?.globalPosition ?? null,
      state: JSON.stringify(replayer.replay(events)),
    };
  }

  @Query(() => AuditStreamVerificationType, {
    description:
      "Recomputes a stream's hash chain from its stored events; names the first broken link.",
  })
  @Policy(AuditPolicy.audit)
  async auditVerifyStream(
    @Context() context: GraphQLContext,
    @Args('streamId') streamId: string,
  ): Promise<AuditStreamVerificationType> {
    await knownStream(this.store, streamId);
    await recordAuditAccess(this.audit.accessLog, context, 'AuditStream', streamId, [
      'verification',
    ]);
    const result = await this.store.verifyStream(streamId);
    const link = result.firstBrokenLink;
    return {
      streamId,
      ok: result.ok,
      eventsChecked: result.eventsChecked,
      firstBrokenLink: link
        ? {
            line: null,
            reason: link.reason,
            detail: link.detail,
            eventId: link.eventId ?? undefined,
            globalPosition: link.globalPosition ?? undefined,
            streamId,
            streamVersion: link.streamVersion,
          }
        : null,
    };
  }
}
