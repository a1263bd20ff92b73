import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `relief.recipient_aliases`: a relief recipient's alias, sealed with the recipient's own key
 * (ciphertext only). Read by the alias query alone, after it wrote the access log.
 */
@Entity({ schema: 'relief', name: 'recipient_aliases' })
export class RecipientAliasRow {
  @PrimaryColumn('uuid', { name: 'recipient_id' })
  recipientId!: string;

  @Column('uuid', { name: 'response_id' })
  responseId!: string;

  /** Null for a recipient recorded before aliases were kept, and once erased. */
  @Column('text', { name: 'sealed_alias', nullable: true })
  sealedAlias!: string | null;

  @Column('boolean')
  erased!: boolean;
}
