import type { JsonObject, RecordedEvent } from './event-store';

/**
 * Turns one stored shape of an event type into the next. Upcasters run on read, in a chain
 * (v1 → v2 → v3), so stored events are never rewritten and old streams stay verifiable.
 */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  /** The shape it produces; may rename the type when an event is split or renamed. */
  upcast(
    data: JsonObject,
    event: RecordedEvent,
  ): { type?: string; schemaVersion: number; data: JsonObject };
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = keyOf(upcaster.type, upcaster.fromSchemaVersion);
      if (this.byKey.has(key)) {
        throw new Error(
          `Two upcasters are registered for ${upcaster.type} v${upcaster.fromSchemaVersion}.`,
        );
      }
      this.byKey.set(key, upcaster);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  apply(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (let steps = 0; ; steps++) {
      const upcaster = this.byKey.get(keyOf(current.type, current.schemaVersion));
      if (!upcaster) return current;
      if (steps > 100) throw new Error(`Upcasters for ${event.type} loop.`);
      const next = upcaster.upcast(current.data, current);
      if (
        next.schemaVersion <= current.schemaVersion &&
        (next.type ?? current.type) === current.type
      ) {
        throw new Error(
          `The upcaster of ${current.type} v${current.schemaVersion} must raise the schema version.`,
        );
      }
      current = {
        ...current,
        type: next.type ?? current.type,
        schemaVersion: next.schemaVersion,
        data: next.data,
      };
    }
  }
}

function keyOf(type: string, schemaVersion: number): string {
  return `${type}@${schemaVersion}`;
}
