import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  PARTNER_ORGANISATION_CATEGORY,
  type PartnerOrganisationRegistered,
} from '@haven/networks/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `empowerment.known_partner_organisations`: the partner organisations networks registered, from
 * networks' events on the log (never a call): a job placement's employer must be one of them.
 */
@Entity({ schema: 'empowerment', name: 'known_partner_organisations' })
export class KnownPartnerOrganisationRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  country!: string;
}

type Recorded = RecordedEvent<
  'PartnerOrganisationRegistered',
  PartnerOrganisationRegistered['data']
>;

export const knownPartnerOrganisationsProjection = rowProjection<
  KnownPartnerOrganisationRow,
  Recorded
>({
  name: 'empowerment.known_partner_organisations',
  entity: KnownPartnerOrganisationRow,
  handles: ['PartnerOrganisationRegistered'],
  categories: [PARTNER_ORGANISATION_CATEGORY],
  keyOf: (event) => event.data.partnerOrganisationId,
  evolve: (_row, { data }) => ({ id: data.partnerOrganisationId, country: data.country }),
});
