import * as pg from 'pg';
import type { Pool } from 'pg';

/**
 * pg's own parameter serialiser, the one its Query binds with (numbers, buffers, dates, arrays),
 * so that a value goes to the server as it would through `pool.query`. pg exports it as
 * `utils`, which its type declarations leave out.
 */
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } })
  .utils;

/** A result row: each column's text (PostgreSQL's text output), or null. */
export type TextRow = Array<string | null>;

/** The parts of pg's connection that one extended-protocol query drives. */
interface ProtocolConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(message: { text: string; name: string; types: number[] }): void;
  bind(message: {
    statement: string;
    values: readonly unknown[];
    valueMapper: (value: unknown) => unknown;
  }): void;
  execute(message: Record<string, never>): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/**
 * One named prepared statement, answered as rows of column text, through
 * pg's `Submittable` interface (the one pg-cursor uses) instead of pg's `Query` and `Result`.
 * It sends no Describe, so the server sends no row description and nothing builds row objects.
 * On the single writer's append that machinery cost about 40 µs of its 550–800, and on reads
 * about a quarter of the reader's CPU per event (docs/adr/0013).
 */
class TextRowsQuery {
  /** Set by pg-pool: releases the connection and answers the caller. */
  callback?: (error: Error | null, rows?: TextRow[]) => void;
  private readonly rows: TextRow[] = [];

  constructor(
    // pg's client reads `name` and `text` to remember which statements a connection has parsed.
    readonly name: string,
    readonly text: string,
    private readonly values: readonly unknown[],
  ) {}

  submit(connection: ProtocolConnection): null {
    connection.stream.cork?.();
    try {
      if (
        connection.parsedStatements[this.name] === undefined &&
        connection.submittedNamedStatements[this.name] === undefined
      ) {
        connection.parse({ text: this.text, name: this.name, types: [] });
        connection.submittedNamedStatements[this.name] = this.text;
      }
      connection.bind({ statement: this.name, values: this.values, valueMapper: prepareValue });
      connection.execute({});
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleDataRow(message: { fields: TextRow }): void {
    this.rows.push(message.fields);
  }

  // pg's client forgets the query on an error, so ReadyForQuery does not follow it here.
  handleError(error: Error): void {
    this.callback?.(error);
  }

  handleReadyForQuery(): void {
    this.callback?.(null, this.rows);
  }

  // Nothing to do for these (no row description is asked for; the statement copies nothing).
  handleRowDescription(): void {}
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  handleCopyInResponse(connection: ProtocolConnection): void {
    connection.sendCopyFail('No source stream defined');
  }
}

/**
 * Runs a named statement on a connection of the pool and answers its rows as column text. pg-pool
 * answers a submittable through the callback it hands it, and releases the connection (or, after
 * a connection error, discards it) before calling back.
 */
export function queryTextRows(
  pool: Pool,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<TextRow[]> {
  return new Promise((resolve, reject) => {
    const query = new TextRowsQuery(name, text, values);
    const answer = (error: Error | undefined, rows: TextRow[]) =>
      error ? reject(error) : resolve(rows);
    // The types know a submittable without a callback only; pg-pool takes one with it.
    (pool.query as unknown as (q: TextRowsQuery, cb: typeof answer) => void).call(
      pool,
      query,
      answer,
    );
  });
}
