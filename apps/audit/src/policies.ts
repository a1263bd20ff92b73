import { allow } from '@haven/platform/security';

/**
 * Who may use the audit subgraph: auditors (donors' auditors, a court, an oversight body) and
 * admins. Everything it serves is sealed as stored, and every call is written to the access log.
 */
export const AuditPolicy = {
  audit: allow(['admin', 'auditor']),
} as const;
