export {
  AccessTokenVerifier,
  ACCESS_TOKEN_ALGORITHMS,
  type AccessTokenVerifierOptions,
} from './access-tokens';
export {
  loadGatewaySecurity,
  loadIdentityPublicKey,
  SecurityConfigError,
  type GatewaySecurity,
} from './config';
export {
  DEFAULT_AUDIENCE,
  DEFAULT_KEYS_DIR,
  DEV_ISSUER,
  ensureDevKeys,
  generateDevKeys,
  mintDevToken,
  type DevKeys,
  type DevTokenOptions,
} from './dev-keys';
export { AuthenticationError } from './errors';
export { withoutQuotedValues } from './error-values';
export {
  BENCHMARK_PRINCIPAL,
  SECURITY_CHECKS_ENV,
  SECURITY_CHECKS_OFF_WARNING,
  securityChecksFromEnv,
} from './security-checks';
export { IDENTITY_HEADER, IdentitySigner, IdentityVerifier } from './identity-assertion';
export {
  allow,
  enforcePolicies,
  fieldsWithoutPolicy,
  forbidden,
  permits,
  Policy,
  policyOf,
  POLICY_EXTENSION,
  unauthenticated,
  type AccessPolicy,
  type SecurityContext,
} from './policy';
export {
  CASEWORK_ROLES,
  claimsOf,
  countriesInScope,
  COUNTRY_SCOPED_ROLES,
  inScope,
  InvalidIdentityError,
  isRole,
  NETWORK_MEMBER_ROLES,
  PERSONAL_DATA_ROLES,
  principalFromClaims,
  RECORD_READER_ROLES,
  ROLES,
  type Principal,
  type Role,
  type ScopedRecord,
} from './principal';
export {
  defaultGraphQLLimits,
  graphqlLimitRules,
  maxAliasesRule,
  maxCostRule,
  maxDepthRule,
  operationCost,
  type GraphQLLimits,
} from './graphql-limits';
export { nestingExceeds, operationNotFoundError, tooDeeplyNestedMessage } from './document-limits';
