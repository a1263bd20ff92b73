/**
 * Who acts, on whose behalf, why and when: the time arrives here, the domain never reads a clock.
 * The same shape as the event store's event metadata, which events carry.
 */
export type CommandMetadata = {
  actorId: string;
  role: string;
  organisationId: string | null;
  correlationId: string;
  causationId: string | null;
  /** ISO 8601 instant at which the command was given. */
  occurredAt: string;
};
