import type { Pool } from 'pg';

/**
 * The relay's checkpoint: the last global position whose messages the broker acknowledged. It
 * lives in the projections' checkpoint table (schema `projections`, created by `npm run
 * db:migrate`), under the relay's name.
 */
export class RelayCheckpoint {
  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  async read(): Promise<number> {
    await this.pool.query(
      `INSERT INTO projections.checkpoints (name, position, updated_at) VALUES ($1, 0, now())
       ON CONFLICT (name) DO NOTHING`,
      [this.name],
    );
    const { rows } = await this.pool.query<{ position: string }>(
      'SELECT position FROM projections.checkpoints WHERE name = $1',
      [this.name],
    );
    return Number(rows[0].position);
  }

  /** Compare-and-set: false when another relay of the same name moved it meanwhile. */
  async advance(from: number, to: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE projections.checkpoints SET position = $3, updated_at = now()
        WHERE name = $1 AND position = $2`,
      [this.name, from, to],
    );
    return rowCount === 1;
  }
}
