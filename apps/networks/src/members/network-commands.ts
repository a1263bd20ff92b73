import { Inject, Injectable } from '@nestjs/common';
import {
  agentOfChangeStreamId,
  networkMemberDecider,
  partnerOrganisationStreamId,
  preventionActivityDecider,
  preventionActivityStreamId,
  watchdogStreamId,
  womensGroupStreamId,
  type NetworkMemberCommand,
  type RecordPreventionActivity,
  type RegisterAgentOfChange,
  type RegisterPartnerOrganisation,
  type RegisterWatchdog,
  type RegisterWomensGroup,
} from '@haven/networks/domain';
import { AgentOfChangeRow } from '@haven/networks/read-models';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, handleCommand, type CommandResult } from '@haven/platform/nest';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** A command's facts as a client gives them: its id optional (a new one when absent). */
type Request<Data, IdField extends keyof Data> = Omit<Data, IdField> & {
  [Field in IdField]?: string | null;
};

export type Result = CommandResult & { id: string };

/**
 * Registers the networks' members and records prevention activities: load, decide, append with
 * the expected version (retried on a concurrent append). Rules live in the deciders; what they
 * need from other records (is the beneficiary registered?) is read here. Roles and scope are
 * checked before, in the resolvers.
 */
@Injectable()
export class NetworkCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  registerWatchdog(
    request: Request<RegisterWatchdog['data'], 'watchdogId'>,
    metadata: EventMetadata,
  ): Promise<Result> {
    const watchdogId = newId(request.watchdogId);
    return this.member(watchdogStreamId(watchdogId), watchdogId, {
      type: 'RegisterWatchdog',
      data: { ...request, watchdogId },
      metadata,
    });
  }

  async registerAgentOfChange(
    request: Request<Omit<RegisterAgentOfChange['data'], 'beneficiary'>, 'agentOfChangeId'>,
    metadata: EventMetadata,
  ): Promise<Result> {
    const agentOfChangeId = newId(request.agentOfChangeId);
    const beneficiaryId = request.beneficiaryId.toLowerCase();
    // Protection's events are on the same log: its stream says whether the person is registered.
    const registered =
      (await this.store.readStream(beneficiaryStreamId(beneficiaryId), { to: 1 })).length > 0;
    // From the read model: two registrations of one beneficiary at the same instant could both
    // pass; every later one is refused (the mutation returns once the read model shows its row).
    const already = await this.dataSource
      .getRepository(AgentOfChangeRow)
      .findOne({ where: { beneficiaryId }, order: { registeredPosition: 'ASC' } });
    return this.member(agentOfChangeStreamId(agentOfChangeId), agentOfChangeId, {
      type: 'RegisterAgentOfChange',
      data: {
        ...request,
        agentOfChangeId,
        beneficiaryId,
        beneficiary: { registered, agentOfChangeId: already?.id ?? null },
      },
      metadata,
    });
  }

  registerWomensGroup(
    request: Request<RegisterWomensGroup['data'], 'womensGroupId'>,
    metadata: EventMetadata,
  ): Promise<Result> {
    const womensGroupId = newId(request.womensGroupId);
    return this.member(womensGroupStreamId(womensGroupId), womensGroupId, {
      type: 'RegisterWomensGroup',
      data: { ...request, womensGroupId },
      metadata,
    });
  }

  registerPartnerOrganisation(
    request: Request<RegisterPartnerOrganisation['data'], 'partnerOrganisationId'>,
    metadata: EventMetadata,
  ): Promise<Result> {
    const partnerOrganisationId = newId(request.partnerOrganisationId);
    return this.member(partnerOrganisationStreamId(partnerOrganisationId), partnerOrganisationId, {
      type: 'RegisterPartnerOrganisation',
      data: { ...request, partnerOrganisationId },
      metadata,
    });
  }

  async recordPreventionActivity(
    request: Request<RecordPreventionActivity['data'], 'activityId'>,
    metadata: EventMetadata,
  ): Promise<Result> {
    const activityId = newId(request.activityId);
    const result = await handleCommand(
      this.store,
      preventionActivityStreamId(activityId),
      preventionActivityDecider,
      { type: 'RecordPreventionActivity', data: { ...request, activityId }, metadata },
      metadata,
    );
    return { ...result, id: activityId };
  }

  private async member(
    streamId: string,
    id: string,
    command: NetworkMemberCommand,
  ): Promise<Result> {
    const result = await handleCommand(
      this.store,
      streamId,
      networkMemberDecider,
      command,
      command.metadata,
    );
    return { ...result, id };
  }
}

function newId(given: string | null | undefined): string {
  return (given ?? uuidv7()).toLowerCase();
}
