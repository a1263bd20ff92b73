import { Inject, Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@haven/platform/nest';
import { KnownAgentOfChangeRow } from '@haven/relief/read-models';

/** Networks' register of agents of change as relief learnt it from the log: never a call. */
@Injectable()
export class KnownAgentsOfChange {
  constructor(@Inject(ServiceDatabase) private readonly database: ServiceDatabase) {}

  async inRegister(agentOfChangeId: string): Promise<boolean> {
    const count = await this.database.dataSource
      .getRepository(KnownAgentOfChangeRow)
      .countBy({ agentOfChangeId: agentOfChangeId.toLowerCase() });
    return count > 0;
  }
}
