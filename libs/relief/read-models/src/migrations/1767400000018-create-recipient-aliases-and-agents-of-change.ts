import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRecipientAliasesAndAgentsOfChange1767400000018 implements MigrationInterface {
  name = 'CreateRecipientAliasesAndAgentsOfChange1767400000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Apart from relief.entries: lists never touch a seal, and only the alias query reads here.
    await queryRunner.query(`
      CREATE TABLE relief.recipient_aliases (
        recipient_id uuid    PRIMARY KEY,
        response_id  uuid    NOT NULL,
        sealed_alias text,
        erased       boolean NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE TABLE relief.known_agents_of_change (
        agent_of_change_id uuid PRIMARY KEY,
        country            text NOT NULL
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE relief.known_agents_of_change`);
    await queryRunner.query(`DROP TABLE relief.recipient_aliases`);
  }
}
