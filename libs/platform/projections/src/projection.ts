import type { RecordedEvent } from '@haven/platform/event-store';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { insertRows } from './insert-rows';

/** A read model fed from the global log by a `ProjectionRunner`. */
export interface Projection {
  /** Stable and unique: it keys the checkpoint, so renaming a projection rebuilds it. */
  readonly name: string;
  /** The event types `apply` receives. Any other event only moves the checkpoint. */
  readonly handles: readonly string[];
  /** Only streams of these categories are read (filtered by the store); all when absent. */
  readonly categories?: readonly string[];
  /**
   * The TypeORM entities whose tables this projection writes, and nothing else writes. A rebuild
   * (`rebuildProjection`) builds these tables afresh beside the live ones and swaps them in;
   * a projection without them cannot be rebuilt that way.
   */
  readonly entities?: readonly EntityTarget<ObjectLiteral>[];
  /**
   * When it has no checkpoint yet, empty its read model (`reset`) before it starts: for a read
   * model that outlives a rename of its projection, as the report's facts do when a module's
   * revision changes its name.
   */
  readonly startsFromEmpty?: boolean;
  /** Applies handled events, in global order, inside the transaction that moves the checkpoint. */
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /** Empties the read model, inside the transaction that sets the checkpoint back to zero. */
  reset(manager: EntityManager): Promise<void>;
}

export interface RowProjectionOptions<Row extends ObjectLiteral, Event extends RecordedEvent> {
  name: string;
  /** A TypeORM entity with a single-column primary key, registered in the runner's DataSource. */
  entity: EntityTarget<Row>;
  handles: readonly Event['type'][];
  categories?: readonly string[];
  /** The primary key of the row an event changes, or undefined to ignore the event. */
  keyOf(event: Event): string | undefined;
  /** The row after the event (null: the row has none yet). Returning null deletes it. */
  evolve(row: Row | null, event: Event): Row | null;
  /** See `Projection.startsFromEmpty`: for a projection renamed because its rows changed. */
  startsFromEmpty?: boolean;
}

/**
 * A projection written as an `evolve` over read-model rows, one row per key. Per batch it costs
 * one SELECT of every affected row, one bulk upsert and one bulk DELETE, whatever the number of
 * events; the evolving happens in memory, in event order.
 */
export function rowProjection<
  Row extends ObjectLiteral,
  Event extends RecordedEvent = RecordedEvent,
>(options: RowProjectionOptions<Row, Event>): Projection {
  const { name, entity, handles, categories, keyOf, evolve, startsFromEmpty } = options;
  return {
    name,
    handles,
    categories,
    startsFromEmpty,
    entities: [entity],
    async apply(events, manager) {
      const keyed: Array<[string, Event]> = [];
      for (const event of events as readonly Event[]) {
        const key = keyOf(event);
        if (key !== undefined) keyed.push([key, event]);
      }
      if (keyed.length === 0) return;
      const primary = primaryColumnOf(manager, entity);

      const keys = [...new Set(keyed.map(([key]) => key))];
      const stored = await manager
        .createQueryBuilder(entity, 'row')
        .where(`row.${primary.propertyPath} = ANY(:keys)`, { keys })
        .getMany();
      const before = new Map(stored.map((row) => [String(primary.getEntityValue(row)), row]));

      const after = new Map<string, Row | null>();
      for (const [key, event] of keyed) {
        const evolved = after.get(key);
        const current = evolved !== undefined ? evolved : (before.get(key) ?? null);
        const next = evolve(current, event) ?? null;
        if (next !== null && String(primary.getEntityValue(next)) !== key) {
          throw new Error(
            `Projection "${name}": evolve returned a row whose primary key differs from keyOf(event) ` +
              `(event type ${event.type} at position ${event.globalPosition}).`,
          );
        }
        after.set(key, next);
      }

      const upserts = [...after.values()].filter((row): row is Row => row !== null);
      // A row created and deleted within the batch was never stored: nothing to delete.
      const deletes = [...after]
        .filter(([key, row]) => row === null && before.has(key))
        .map(([key]) => key);
      await upsertRows(manager, entity, primary, upserts);
      if (deletes.length > 0) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(entity)
          .where(`${manager.connection.driver.escape(primary.databaseName)} = ANY(:deletes)`, {
            deletes,
          })
          .execute();
      }
    },
    async reset(manager) {
      // DELETE rather than TRUNCATE: readers keep the old rows until the reset commits, instead of
      // queueing behind an exclusive lock, and foreign keys pointing at the table do not block it.
      await manager.createQueryBuilder().delete().from(entity).execute();
    },
  };
}

function primaryColumnOf(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
): ColumnMetadata {
  const metadata = manager.connection.getMetadata(entity);
  if (metadata.primaryColumns.length !== 1) {
    throw new Error(
      `rowProjection needs an entity with a single-column primary key: ${metadata.name} has ${metadata.primaryColumns.length}.`,
    );
  }
  return metadata.primaryColumns[0];
}

async function upsertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  primary: ColumnMetadata,
  rows: Row[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  // A creation timestamp keeps its first value; every other column takes the evolved one.
  const overwrite = metadata.columns
    .filter(
      (column) => column.isInsert && !column.isPrimary && !column.isCreateDate && column.isUpdate,
    )
    .map((column) => column.databaseName);
  await insertRows(manager, entity, rows, { conflict: [primary.databaseName], update: overwrite });
}
