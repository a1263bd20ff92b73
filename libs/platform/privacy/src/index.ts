export {
  PrivacyError,
  FieldDecryptionError,
  PersonKeyDestroyedError,
  PersonKeyMissingError,
  MasterKeyConfigError,
  KeyUnwrapError,
  UnknownMasterKeyError,
} from './errors';
export {
  type FieldAad,
  DATA_KEY_BYTES,
  generateDataKey,
  encryptField,
  decryptField,
  isSealed,
} from './field-cipher';
export {
  type MasterKey,
  LocalMasterKey,
  MASTER_KEY_ENV,
  masterKeyFromConfig,
} from './key-wrapping';
export { PersonKeyStore, type PersonKeyStoreOptions, type PrivacyQueryable } from './person-keys';
export {
  sealPersonalFields,
  openPersonalFields,
  type PersonalFields,
  type SealedFields,
  type OpenedFields,
} from './personal-data';
export {
  AccessLog,
  type AccessLogEntry,
  type AccessLogFilter,
  type AccessLogPage,
  type RecordedAccess,
} from './access-log';
export { privacyMigrations, PRIVACY_MIGRATIONS, migratePrivacy } from './migrations';
