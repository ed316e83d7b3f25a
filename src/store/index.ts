export { openSqliteStore, openSqliteStoreFile, createSqliteStore } from './sqlite-store.js';
export {
  StoreOpenError,
  openDatabaseFile,
  prepareDataDir,
  DATABASE_FILE,
  MIGRATIONS_FOLDER,
} from './database.js';
export { ALERT_KEY_FILE, loadOrCreateAlertKeySeed } from './alert-key-file.js';
export { createPostgresStore, POSTGRES_MIGRATIONS_FOLDER } from './postgres-store.js';
export { openPostgresStore, isPostgresUrl, postgresOpenError } from './postgres-database.js';
