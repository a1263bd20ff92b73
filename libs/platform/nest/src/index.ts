export { bootstrapService, configureServiceApp, type BootstrapOptions } from './bootstrap';
export {
  handleCommand,
  handleCommandInTransaction,
  decideOnStream,
  type CommandResult,
  type StreamDecision,
  type Decider,
  type TransactionalEventStore,
} from './command-handling';
export {
  CommandRunner,
  defineCommand,
  reactionEventId,
  reactor,
  reactorMetadata,
  type CommandContext,
  type CommandDefinition,
} from './command-runner';
export {
  afterWrite,
  connectionType,
  keysetPage,
  PageInfo,
  payloadType,
  toConnection,
  type Connection,
  type Edge,
  type Payload,
  type RowPage,
} from './connections';
export { DomainErrorFilter, domainErrorToClientError } from './domain-error.filter';
export {
  DayOfFactField,
  IsDay,
  IsId,
  IsShorterThan,
  Money,
  MoneyField,
  MoneyInput,
} from './inputs';
export {
  CountryCodeEnum,
  CountryEnum,
  CurrencyEnum,
  enumObject,
  FormOfExploitationEnum,
  PlaceOfExploitationEnum,
  SexEnum,
} from './vocabulary.graphql';
export { loadServiceConfig, SERVICE_CONFIG, type ServiceConfig } from './config';
export { loadMasterKey, PersonalData } from './personal-data';
export { beneficiaryCountExtension, type BeneficiaryCountOptions } from './beneficiary-extension';
export { CountsById, isUuid } from './counts';
export { EVENT_STORE, ServiceDatabase, type DatabaseOptions } from './database';
export {
  CLIENT_ERROR_CODES,
  clientError,
  ConcurrencyConflictError,
  describeError,
  type ClientErrorCode,
  type ClientErrorDetails,
} from './errors';
export { formatError, subgraphModule, type SubgraphOptions } from './graphql';
export { HealthService, type HealthReport, type ProjectionHealth } from './health';
export { LOG_DESTINATION } from './logging';
export {
  actorOf,
  commandMetadata,
  correlationIdOf,
  CORRELATION_ID_HEADER,
  principalOf,
  REQUEST_ID_HEADER,
  type Actor,
  type GraphQLContext,
} from './request-context';
export { perRequest } from './request-loader';
export { HavenServiceModule, type ServiceModuleOptions } from './service.module';
export { ProjectionStatusType, ServiceStatusType } from './status';
export {
  decodePositionCursor,
  encodePositionCursor,
  MAX_PAGE_SIZE,
  PageArgs,
  pageAfter,
} from './paging';
