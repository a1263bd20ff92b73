import { v7 as uuidv7 } from 'uuid';
import { InvalidAppendError } from './errors';
import type { EventMetadata, NewEvent } from './event-store';

export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** `<category>-<id>`: a lower-case category, a dash, then an id of safe characters. */
const STREAM_ID = /^([a-z][a-z0-9_]{0,62})-([A-Za-z0-9][A-Za-z0-9_.:-]{0,199})$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Returns the stream's category, or throws when the id is empty or malformed. */
export function parseStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError(
      'streamId',
      'must be a non-empty string like `protection_case-<uuid>`.',
    );
  }
  const match = STREAM_ID.exec(streamId);
  if (!match) {
    throw new InvalidAppendError(
      'streamId',
      'must look like `<category>-<id>`: a lower-case category (letters, digits, _), a dash, ' +
        'then an id of letters, digits, `_`, `.`, `:` or `-` (at most 200).',
    );
  }
  return match[1];
}

/** Encodes an expected version for the append function: >= 0 exact, -1 any, -2 none, -3 exists. */
export function encodeExpectedVersion(expected: unknown): number {
  switch (expected) {
    case 'any':
      return -1;
    case 'no_stream':
      return -2;
    case 'stream_exists':
      return -3;
  }
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError(
      'expectedVersion',
      'must be a non-negative integer, `no_stream`, `stream_exists` or `any`.',
    );
  }
  return expected;
}

/** Whether a stream at `version` meets an expected version as encodeExpectedVersion encodes it. */
export function expectationHolds(expected: number, version: number): boolean {
  if (expected >= 0) return version === expected;
  if (expected === -2) return version === 0;
  if (expected === -3) return version > 0;
  return true;
}

export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  /** The JSON text of the data and metadata: stored exactly as it is, and hashed. */
  dataJson: string;
  metadataJson: string;
}

/** Validates every event of an append, so that a bad one is refused before anything is written. */
export function prepareEvents(events: unknown, maxEventBytes: number): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array.');
  }
  const seen = new Set<string>();
  return events.map((event: NewEvent, index) => {
    const at = `events[${index}]`;
    if (typeof event !== 'object' || event === null) {
      throw new InvalidAppendError(at, 'must be an object.');
    }
    if (typeof event.type !== 'string' || event.type.trim() === '') {
      throw new InvalidAppendError(`${at}.type`, 'must be a non-empty string.');
    }
    if (!EVENT_TYPE.test(event.type)) {
      throw new InvalidAppendError(
        `${at}.type`,
        'must start with a letter and use only letters, digits, `_` and `.`.',
      );
    }
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidAppendError(`${at}.schemaVersion`, 'must be a positive integer.');
    }
    const eventId = event.eventId ?? uuidv7();
    if (typeof eventId !== 'string' || !UUID.test(eventId)) {
      throw new InvalidAppendError(`${at}.eventId`, 'must be a lower-case UUID (v7 preferred).');
    }
    if (seen.has(eventId)) {
      throw new InvalidAppendError(`${at}.eventId`, 'appears twice in the same append.');
    }
    seen.add(eventId);
    if (!isPlainObject(event.data)) {
      throw new InvalidAppendError(`${at}.data`, 'must be a JSON object.');
    }
    const dataJson = jsonText(event.data, `${at}.data`);
    // validateMetadata returns only strings it has checked, and nulls: nothing left to walk.
    const metadataJson = JSON.stringify(validateMetadata(event.metadata, `${at}.metadata`));
    // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when that bound is too big.
    const bound = (dataJson.length + metadataJson.length) * 3;
    const size =
      bound <= maxEventBytes ? 0 : Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (size > maxEventBytes) {
      throw new InvalidAppendError(
        at,
        `is ${size} bytes; the most an event may hold is ${maxEventBytes} bytes.`,
      );
    }
    return { eventId, type: event.type, schemaVersion, dataJson, metadataJson };
  });
}

const METADATA_FIELDS = new Set([
  'actorId',
  'role',
  'organisationId',
  'correlationId',
  'causationId',
  'occurredAt',
]);

function validateMetadata(metadata: unknown, at: string): EventMetadata {
  if (!isPlainObject(metadata)) throw new InvalidAppendError(at, 'must be an object.');
  const m = metadata as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!METADATA_FIELDS.has(key))
      throw new InvalidAppendError(`${at}.${key}`, 'is not a metadata field.');
  }
  requireText(m, 'actorId', false, at);
  requireText(m, 'role', false, at);
  requireText(m, 'organisationId', true, at);
  requireText(m, 'correlationId', false, at);
  requireText(m, 'causationId', true, at);
  const occurredAt = m.occurredAt;
  if (
    typeof occurredAt !== 'string' ||
    !ISO_INSTANT.test(occurredAt) ||
    Number.isNaN(Date.parse(occurredAt))
  ) {
    throw new InvalidAppendError(
      `${at}.occurredAt`,
      'must be an ISO 8601 instant with a time zone, e.g. 2026-05-01T10:00:00Z.',
    );
  }
  return {
    actorId: m.actorId as string,
    role: m.role as string,
    organisationId: (m.organisationId ?? null) as string | null,
    correlationId: m.correlationId as string,
    causationId: (m.causationId ?? null) as string | null,
    occurredAt,
  };
}

function requireText(
  metadata: Record<string, unknown>,
  key: string,
  nullable: boolean,
  at: string,
): void {
  const value = metadata[key];
  if (value === null && nullable) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new InvalidAppendError(
      `${at}.${key}`,
      `must be a non-empty string of at most 200 characters${nullable ? ', or null' : ''}.`,
    );
  }
  if (!representableString(value)) explainUnrepresentable(value, `${at}.${key}`, new Set());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The JSON text of a value, refusing anything JSON cannot hold exactly instead of letting
 * `JSON.stringify` silently change or drop it: undefined, functions, symbols, bigints, non-finite
 * numbers, class instances (Date, Map...), cycles, array holes, the NUL character and lone UTF-16
 * surrogates. The text is what the store keeps and hashes, byte for byte.
 */
export function jsonText(value: unknown, at = 'value'): string {
  if (!representable(value, 0, false)) explainUnrepresentableAt(value, at);
  const text = JSON.stringify(value);
  // JSON.stringify writes NUL, lone surrogates and other control characters as \u escapes, so a
  // text without one needs no walk over its strings (a string holding a backslash and a `u` also
  // shows up here, and is walked).
  if (text.indexOf('\\u') !== -1 && !representable(value, 0, true))
    explainUnrepresentableAt(value, at);
  return text;
}

/**
 * The canonical JSON of a value (object keys sorted as RFC 8785 does). Events recorded before
 * the store kept exact text (hash version 1) were hashed over this form of their content.
 */
export function canonicalJson(value: unknown, at = 'value'): string {
  assertRepresentable(value, at);
  return canonical(value);
}

function assertRepresentable(value: unknown, at: string): void {
  if (!representable(value, 0, true)) explainUnrepresentableAt(value, at);
}

/** The fast check only knows that something is wrong; walk again to say what and where. */
function explainUnrepresentableAt(value: unknown, at: string): never {
  explainUnrepresentable(value, at, new Set());
  throw new InvalidAppendError(at, `is nested more than ${MAX_DEPTH} levels deep.`);
}

/** Deeper than this is refused; it also stops the fast check on a cycle without tracking one. */
const MAX_DEPTH = 200;

// Written for speed (it runs on every event): Object.keys rather than for-in, no cycle set.
// `strings`: also check every string and key (jsonText checks them on the text instead).
function representable(v: unknown, depth: number, strings: boolean): boolean {
  if (typeof v === 'string') return !strings || representableString(v);
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean' || v === null) return true;
  if (typeof v !== 'object' || depth >= MAX_DEPTH) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v) || !representable(v[i], depth + 1, strings)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const object = v as Record<string, unknown>;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    if (strings && !representableString(keys[i])) return false;
    if (!representable(object[keys[i]], depth + 1, strings)) return false;
  }
  return true;
}

function representableString(s: string): boolean {
  return s.indexOf('\u0000') === -1 && s.isWellFormed();
}

/** Canonical text of a value already found representable. */
function canonical(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const object = v as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
    .join(',')}}`;
}

/** Throws an InvalidAppendError naming the first value that JSON cannot carry exactly. */
function explainUnrepresentable(v: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof v) {
    case 'string':
      if (v.includes('\u0000'))
        throw new InvalidAppendError(path, 'contains the NUL character, which cannot be stored.');
      if (!v.isWellFormed())
        throw new InvalidAppendError(
          path,
          'contains a lone UTF-16 surrogate, which JSON text cannot carry.',
        );
      return;
    case 'number':
      if (!Number.isFinite(v))
        throw new InvalidAppendError(path, `is ${v}, which JSON cannot represent.`);
      return;
    case 'boolean':
      return;
    case 'object': {
      if (v === null) return;
      if (ancestors.has(v))
        throw new InvalidAppendError(
          path,
          'refers to itself (a cycle), which JSON cannot represent.',
        );
      ancestors.add(v);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (!(i in v))
            throw new InvalidAppendError(
              `${path}[${i}]`,
              'is a hole in the array, which JSON cannot represent.',
            );
          explainUnrepresentable(v[i], `${path}[${i}]`, ancestors);
        }
      } else if (isPlainObject(v)) {
        for (const key of Object.keys(v)) {
          explainUnrepresentable(key, `${path}.${key}`, ancestors);
          explainUnrepresentable(v[key], `${path}.${key}`, ancestors);
        }
      } else {
        throw new InvalidAppendError(
          path,
          `is a ${v.constructor?.name ?? 'non-plain'} object; only plain objects and arrays are JSON.`,
        );
      }
      ancestors.delete(v);
      return;
    }
    default:
      throw new InvalidAppendError(
        path,
        `is ${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`}, which JSON cannot represent.`,
      );
  }
}

/** A UUID v7 for callers that build events ahead of appending them (to retry idempotently). */
export function newEventId(): string {
  return uuidv7();
}
