import type { Upcaster } from '@haven/platform/event-store';
import { EMPOWERMENT_UPCASTERS, ENROLMENT_CATEGORY } from '@haven/empowerment/contracts';
import { enrolmentDecider } from '@haven/empowerment/domain';
import { caseNotificationDecider } from '@haven/networks/domain';
import { CASE_NOTIFICATION_CATEGORY } from '@haven/networks/contracts';
import { advocacyDecider, legalCaseDecider } from '@haven/legal/domain';
import { ADVOCACY_ACTION_CATEGORY, LEGAL_CASE_CATEGORY } from '@haven/legal/contracts';
import {
  beneficiaryDecider,
  breakGlassDecider,
  protectionCaseDecider,
} from '@haven/protection/domain';
import {
  BENEFICIARY_CATEGORY,
  BREAK_GLASS_CATEGORY,
  PROTECTION_CASE_CATEGORY,
  PROTECTION_UPCASTERS,
} from '@haven/protection/contracts';
import { RELIEF_RESPONSE_CATEGORY } from '@haven/relief/contracts';
import { reliefResponseDecider } from '@haven/relief/domain';
import { replayer, Replayers } from './replayer';

// The upcasters each service's own store reads with (its app module's `database.upcasters`).
const protection = { upcasters: PROTECTION_UPCASTERS as readonly Upcaster[] };
const empowerment = { upcasters: EMPOWERMENT_UPCASTERS as readonly Upcaster[] };

/**
 * Every record the audit subgraph can rebuild as of a date: one per stream category that a
 * programme keeps. A service adds its own with one line:
 * `replayer('<service>', '<RecordType>', <CATEGORY>, <its decider>, { upcasters })`.
 */
export const REPLAYERS = new Replayers([
  replayer(
    'protection',
    'ProtectionCase',
    PROTECTION_CASE_CATEGORY,
    protectionCaseDecider,
    protection,
  ),
  replayer('protection', 'Beneficiary', BENEFICIARY_CATEGORY, beneficiaryDecider, protection),
  replayer('protection', 'BreakGlassGrant', BREAK_GLASS_CATEGORY, breakGlassDecider, protection),
  replayer('networks', 'CaseNotification', CASE_NOTIFICATION_CATEGORY, caseNotificationDecider),
  replayer('legal', 'LegalCase', LEGAL_CASE_CATEGORY, legalCaseDecider),
  replayer('legal', 'AdvocacyAction', ADVOCACY_ACTION_CATEGORY, advocacyDecider),
  replayer(
    'empowerment',
    'EmpowermentEnrolment',
    ENROLMENT_CATEGORY,
    enrolmentDecider,
    empowerment,
  ),
  replayer('relief', 'ReliefResponse', RELIEF_RESPONSE_CATEGORY, reliefResponseDecider),
]);
