// Empowerment's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryEmpowermentServices } from './beneficiary-empowerment-services.entity';
import { beneficiaryEmpowermentServicesProjection } from './beneficiary-empowerment-services.projection';
import { EnrolmentRow } from './enrolment.entity';
import { enrolmentsProjection } from './enrolments.projection';
import { KnownBeneficiaryRow } from './known-beneficiary.entity';
import {
  KnownPartnerOrganisationRow,
  knownPartnerOrganisationsProjection,
} from './known-partner-organisations';
import { knownBeneficiariesProjection } from './known-beneficiaries.projection';
import { CreateBeneficiaryEmpowermentServices1764100000002 } from './migrations/1764100000002-create-beneficiary-empowerment-services';
import { CreateEnrolments1767200000000 } from './migrations/1767200000000-create-enrolments';
import { AddServiceDetails1767400000000 } from './migrations/1767400000000-add-service-details';
import { NoteRow } from './note.entity';
import { ServiceRow } from './service.entity';
import { notesProjection, servicesProjection } from './services.projection';

export {
  BeneficiaryEmpowermentServices,
  EnrolmentRow,
  KnownBeneficiaryRow,
  KnownPartnerOrganisationRow,
  NoteRow,
  ServiceRow,
};
export { AGENT_OF_CHANGE_TRAINING, FOLLOW_UP, SMALL_GRANT } from './service.entity';
export {
  beneficiaryEmpowermentServicesProjection,
  enrolmentsProjection,
  knownBeneficiariesProjection,
  knownPartnerOrganisationsProjection,
  notesProjection,
  servicesProjection,
};

export const EMPOWERMENT_ENTITIES = [
  BeneficiaryEmpowermentServices,
  KnownBeneficiaryRow,
  KnownPartnerOrganisationRow,
  EnrolmentRow,
  ServiceRow,
  NoteRow,
];
export const EMPOWERMENT_PROJECTIONS: Projection[] = [
  knownBeneficiariesProjection,
  knownPartnerOrganisationsProjection,
  enrolmentsProjection,
  servicesProjection,
  notesProjection,
  beneficiaryEmpowermentServicesProjection,
];
export const EMPOWERMENT_MIGRATIONS: MigrationSet = {
  schema: 'empowerment',
  migrations: [
    CreateBeneficiaryEmpowermentServices1764100000002,
    CreateEnrolments1767200000000,
    AddServiceDetails1767400000000,
  ],
};
