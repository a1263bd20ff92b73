import {
  ADVOCACY_ACTION_CATEGORY,
  ADVOCACY_KINDS,
  ADVOCACY_OUTCOMES,
} from '@haven/legal/contracts';
import { COUNTRIES } from '@haven/vocabulary';
import { countOf, dateOf, oneOf, pseudonymOf } from '../../fields';
import { defineTopic } from '../../topic';

const action = pseudonymOf('advocacy', 'actionId');

/**
 * Advocacy actions (petitions, task forces, statements) and their outcomes. Never published: the
 * subject (free text) and which partner organisations took part (only how many).
 */
export const ADVOCACY_ACTIONS_V1 = defineTopic({
  name: 'haven.legal.advocacy-actions.v1',
  version: 1,
  description:
    "Legal's advocacy actions and their outcomes, by kind and country. Keyed by the action pseudonym.",
  category: ADVOCACY_ACTION_CATEGORY,
  keyKind: 'advocacy',
  events: {
    AdvocacyActionRecorded: {
      action,
      kind: oneOf('kind', ADVOCACY_KINDS),
      country: oneOf('country', COUNTRIES),
      partnerOrganisations: countOf('partnerOrganisationIds'),
      outcome: oneOf('outcome', ADVOCACY_OUTCOMES),
      recordedOn: dateOf('on', 'day'),
    },
    AdvocacyOutcomeRecorded: {
      action,
      country: oneOf('country', COUNTRIES),
      outcome: oneOf('outcome', ADVOCACY_OUTCOMES),
      recordedOn: dateOf('on', 'day'),
    },
  },
  partitions: 3,
  retentionDays: 3650,
});
