export { runMigrations, type MigrationSet } from './run-migrations';
export { byteaArray, jsonArray, plainArrayLiteral, textArray, textOf } from './array-parameters';
