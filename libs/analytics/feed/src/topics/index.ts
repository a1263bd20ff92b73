import type { TopicDefinition } from '../topic';
import { ENROLMENTS_V1 } from './empowerment/enrolments.v1';
import { ADVOCACY_ACTIONS_V1 } from './legal/advocacy-actions.v1';
import { LEGAL_CASES_V1 } from './legal/cases.v1';
import { CASE_NOTIFICATIONS_V1 } from './networks/case-notifications.v1';
import { BENEFICIARIES_V1 } from './protection/beneficiaries.v1';
import { PROTECTION_CASES_V1 } from './protection/cases.v1';
import { RELIEF_RESPONSES_V1 } from './relief/responses.v1';

/**
 * Every topic of the analysts' feed. A programme publishes a topic by declaring it in a file of
 * its own under topics/<service>/ and adding one entry here; `npm run analytics:schemas` then
 * writes its JSON Schema to libs/analytics/feed/schemas/.
 */
export const FEED_TOPICS: readonly TopicDefinition[] = [
  CASE_NOTIFICATIONS_V1,
  PROTECTION_CASES_V1,
  BENEFICIARIES_V1,
  ENROLMENTS_V1,
  LEGAL_CASES_V1,
  ADVOCACY_ACTIONS_V1,
  RELIEF_RESPONSES_V1,
];

export {
  ADVOCACY_ACTIONS_V1,
  BENEFICIARIES_V1,
  CASE_NOTIFICATIONS_V1,
  ENROLMENTS_V1,
  LEGAL_CASES_V1,
  PROTECTION_CASES_V1,
  RELIEF_RESPONSES_V1,
};
