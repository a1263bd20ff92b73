import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { JsonSchema } from './fields';

const AJV_OPTIONS: Options = { allErrors: false, strict: true };
const AJV_PACKAGE = require.resolve('ajv/package.json');
// Resolved from ajv's own folder: its version, and the runtime helpers its standalone code needs.
const requireFromAjv = createRequire(AJV_PACKAGE);
const AJV_VERSION = (requireFromAjv('./package.json') as { version: string }).version;

/**
 * Where compiled validators are kept between starts: beside the installed packages (whose code
 * Haven runs anyway), never in a shared temporary folder, since what is found here is run.
 */
export const VALIDATOR_CACHE_DIR = path.resolve(
  path.dirname(AJV_PACKAGE),
  '../.cache/haven-feed-validators',
);

/**
 * A schema's ajv validator, compiled once per schema and ajv version and then loaded from the
 * cache: compiling the feed's seven schemas took about 0.35 s of every relay start (ADR 15). The
 * cached file is ajv's own standalone code of the same schema, so it validates the same. A file
 * that cannot be loaded is compiled again and replaced; a cache that cannot be written (a
 * read-only install) only means compiling at each start.
 */
export function cachedValidator(
  schema: JsonSchema,
  directory: string = VALIDATOR_CACHE_DIR,
): ValidateFunction {
  const key = createHash('sha256')
    .update(`ajv ${AJV_VERSION} ${JSON.stringify(AJV_OPTIONS)}\n`)
    .update(JSON.stringify(schema))
    .digest('hex');
  const file = path.join(directory, `${key}.js`);
  try {
    return loadStandalone(readFileSync(file, 'utf8'));
  } catch {
    // Not compiled yet, or unreadable: compiled below.
  }
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(schema);
  try {
    mkdirSync(directory, { recursive: true });
    // Written aside, then renamed: another process or thread never loads half a file.
    const written = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(written, standaloneCode(ajv, validate));
    renameSync(written, file);
  } catch {
    // Not cached: the next start compiles again.
  }
  return validate;
}

/** Runs a cached file's CommonJS code, as ajv runs the code it compiles (`new Function`). */
function loadStandalone(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, requireFromAjv);
  if (typeof module.exports !== 'function') throw new TypeError('not a validator');
  return module.exports as ValidateFunction;
}
