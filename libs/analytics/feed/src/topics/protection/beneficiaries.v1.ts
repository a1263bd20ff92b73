import { BENEFICIARY_CATEGORY, CONSENT_KINDS, COUNTRIES, SEXES } from '@haven/protection/contracts';
import { dateOf, flag, nullablePseudonymOf, oneOf, pseudonymOf } from '../../fields';
import { defineTopic } from '../../topic';

const person = pseudonymOf('person', 'beneficiaryId');

/**
 * Beneficiaries, keyed by person: the coarse facts statistics need (country, sex, minor, month of
 * registration), never a sealed field. When a person is erased, a tombstone (null value) under
 * their key tells consumers to delete what they hold about that pseudonym.
 */
export const BENEFICIARIES_V1 = defineTopic({
  name: 'haven.protection.beneficiaries.v1',
  version: 1,
  description:
    'Beneficiaries by pseudonym: registration facts and consents. A null value is a tombstone: the person was erased, delete what you hold under that key.',
  category: BENEFICIARY_CATEGORY,
  keyKind: 'person',
  events: {
    BeneficiaryRegistered: {
      person,
      country: oneOf('country', COUNTRIES),
      sex: oneOf('sex', SEXES),
      minor: flag('minor'),
      registeredIn: dateOf('registeredAt', 'month'),
    },
    ConsentRecorded: {
      person,
      kind: oneOf('kind', CONSENT_KINDS),
      partnerOrganisation: nullablePseudonymOf('organisation', 'partnerOrganisationId'),
      given: flag('given'),
      recordedOn: dateOf('recordedOn', 'day'),
    },
  },
  erasure: { eventType: 'BeneficiaryErased', personIdField: 'beneficiaryId' },
  partitions: 3,
  retentionDays: 3650,
});
