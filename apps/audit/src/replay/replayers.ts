import type { Upcaster } from '@haven/platform/event-store';
import { caseNotificationDecider } from '@haven/networks/domain';
import { CASE_NOTIFICATION_CATEGORY } from '@haven/networks/contracts';
import { legalCaseDecider } from '@haven/legal/domain';
import { LEGAL_CASE_CATEGORY } from '@haven/legal/contracts';
import { beneficiaryDecider, protectionCaseDecider } from '@haven/protection/domain';
import {
  BENEFICIARY_CATEGORY,
  PROTECTION_CASE_CATEGORY,
  PROTECTION_UPCASTERS,
} from '@haven/protection/contracts';
import { replayer, Replayers } from './replayer';

// The upcasters protection's own store reads with (apps/protection/src/app.module.ts).
const protection = { upcasters: PROTECTION_UPCASTERS as readonly Upcaster[] };

/**
 * Every record the audit subgraph can rebuild as of a date. A service adds its own with one line:
 * `replayer('<service>', '<RecordType>', <CATEGORY>, <its decider>, { upcasters })` (empowerment,
 * legal and relief, as their domains land).
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
  replayer('networks', 'CaseNotification', CASE_NOTIFICATION_CATEGORY, caseNotificationDecider),
  replayer('legal', 'LegalCase', LEGAL_CASE_CATEGORY, legalCaseDecider),
]);
