import type { CommandMetadata } from '@haven/platform/domain';

/**
 * Who recorded a stream's first event (a submission, a registration), from its metadata: a
 * retry under a client-chosen id is recognised as its recorder's only, so that an id tells no
 * one else anything about the record (issue 13's oracle).
 */
export type Recorder = Pick<CommandMetadata, 'actorId' | 'organisationId'>;

/** An event as the store returns it: with the metadata it was recorded with (absent in specs). */
export type WithRecorder<Event> = Event & { metadata?: Partial<Recorder> };

/** The recorder of an event, or undefined when it was read without its metadata. */
export function recorderOf(event: WithRecorder<unknown>): Recorder | undefined {
  const metadata = event.metadata;
  if (metadata?.actorId === undefined) return undefined;
  return { actorId: metadata.actorId, organisationId: metadata.organisationId ?? null };
}

/**
 * Whether a command comes from the record's recorder: the same principal of the same
 * organisation. Events read without metadata (decider specs) name no recorder: the facts decide.
 */
export function sameRecorder(recorder: Recorder | undefined, metadata: CommandMetadata): boolean {
  return (
    recorder === undefined ||
    (recorder.actorId === metadata.actorId && recorder.organisationId === metadata.organisationId)
  );
}
