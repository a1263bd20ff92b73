import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishedSchema } from './schemas';
import { CASE_NOTIFICATIONS_V1 } from './topics';
import { cachedValidator } from './validator-cache';

describe('cached schema validators', () => {
  let directory: string;
  const schema = publishedSchema(CASE_NOTIFICATIONS_V1.name);
  const valid = {
    type: 'CaseNotificationRejected',
    schemaVersion: 1,
    data: { notification: 'a'.repeat(22), reason: 'NOT_A_CASE', rejectedOn: '2026-01-02' },
  };
  const invalid = { ...valid, data: { ...valid.data, reason: 'free text' } };

  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'haven-validators-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const cachedFiles = () => readdirSync(directory).filter((name) => name.endsWith('.js'));

  it('compiles a schema once, then loads the same verdicts from the cache', () => {
    const compiled = cachedValidator(schema, directory);
    expect(cachedFiles()).toHaveLength(1);
    const loaded = cachedValidator(schema, directory);

    for (const validate of [compiled, loaded]) {
      expect(validate(valid)).toBe(true);
      expect(validate(invalid)).toBe(false);
      expect(validate.errors?.map((error) => error.instancePath)).toContain('/data/reason');
    }
    expect(cachedFiles()).toHaveLength(1);
  });

  it('runs what the cache holds for the schema, without compiling it', () => {
    cachedValidator(schema, directory);
    const [file] = cachedFiles();
    writeFileSync(path.join(directory, file), 'module.exports = () => "from the cache";');
    expect((cachedValidator(schema, directory) as (value?: unknown) => unknown)()).toBe(
      'from the cache',
    );
  });

  it('keys each schema apart: a changed schema is compiled anew', () => {
    cachedValidator(schema, directory);
    const narrowed = JSON.parse(JSON.stringify(schema)) as typeof schema;
    narrowed.description = 'another version';
    cachedValidator(narrowed, directory);
    expect(cachedFiles()).toHaveLength(2);
  });

  it('compiles again, and replaces, a cached file that cannot be loaded', () => {
    cachedValidator(schema, directory);
    const [file] = cachedFiles();
    writeFileSync(path.join(directory, file), 'this is not JavaScript {');

    const validate = cachedValidator(schema, directory);
    expect(validate(valid)).toBe(true);
    expect(validate(invalid)).toBe(false);
    expect(readFileSync(path.join(directory, file), 'utf8')).not.toContain('not JavaScript');
    expect(cachedValidator(schema, directory)(invalid)).toBe(false);
  });

  it('still validates where the cache cannot be written', () => {
    const unwritable = path.join(directory, 'a-file');
    writeFileSync(unwritable, '');
    const validate = cachedValidator(schema, path.join(unwritable, 'cache'));
    expect(validate(valid)).toBe(true);
    expect(validate(invalid)).toBe(false);
  });
});
