import { createHash } from 'node:crypto';

/**
 * A signed tree head. Its body is a short text (in the spirit of C2SP's signed notes) that the
 * signer signs byte for byte, so that any Ed25519 implementation can check it:
 *
 *   haven-audit-checkpoint/v1
 *   log event_store
 *   size 1234
 *   root <hex>
 *   position 5678        (the source position of the last leaf: a global position)
 *   time 2026-12-01T10:00:00.000Z
 *   previous <hex>       (the hash of the previous checkpoint's body; 64 zeros for the first)
 *
 * A checkpoint's hash is SHA-256 of its body. Chaining them makes a removed or reordered
 * checkpoint visible, as the hash chain does for events.
 */
export const CHECKPOINT_FORMAT = 'haven-audit-checkpoint/v1';
export const NO_PREVIOUS_CHECKPOINT = '0'.repeat(64);

export interface CheckpointFields {
  /** Which log: `event_store` or `access_log`. */
  log: string;
  /** Leaves in the tree. */
  size: number;
  /** The tree head, hex. */
  root: string;
  /** The source position of the last leaf (0 for an empty tree). */
  position: number;
  /** ISO 8601 instant at which it was signed. */
  time: string;
  /** Hex SHA-256 of the previous checkpoint's body. */
  previous: string;
}

export interface SignedCheckpoint extends CheckpointFields {
  /** Base64 Ed25519 signature over the body. */
  signature: string;
  /** Which signing key (its fingerprint). */
  keyId: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const LOG = /^[a-z_]{1,40}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function checkpointBody(fields: CheckpointFields): string {
  return [
    CHECKPOINT_FORMAT,
    `log ${fields.log}`,
    `size ${fields.size}`,
    `root ${fields.root}`,
    `position ${fields.position}`,
    `time ${fields.time}`,
    `previous ${fields.previous}`,
    '',
  ].join('\n');
}

export function checkpointHash(fields: CheckpointFields): string {
  return createHash('sha256').update(checkpointBody(fields)).digest('hex');
}

/** Why these fields are not a well-formed checkpoint, or null. Never echoes a value. */
export function checkpointProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'a checkpoint must be an object';
  const c = value as Record<string, unknown>;
  if (typeof c.log !== 'string' || !LOG.test(c.log)) return 'log must name a log';
  if (!Number.isSafeInteger(c.size) || (c.size as number) < 0) return 'size must be a count';
  if (!Number.isSafeInteger(c.position) || (c.position as number) < 0)
    return 'position must be a non-negative integer';
  if (typeof c.root !== 'string' || !HEX64.test(c.root)) return 'root must be 64 hex digits';
  if (typeof c.previous !== 'string' || !HEX64.test(c.previous))
    return 'previous must be 64 hex digits';
  if (typeof c.time !== 'string' || !ISO.test(c.time) || Number.isNaN(Date.parse(c.time)))
    return 'time must be an ISO 8601 instant in UTC with milliseconds';
  if (typeof c.signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(c.signature))
    return 'signature must be a base64 Ed25519 signature';
  if (typeof c.keyId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(c.keyId))
    return 'keyId must be a key fingerprint';
  return null;
}

/** The fields of a checkpoint, in a fixed order (what an export line and the API show). */
export function signedCheckpointOf(value: SignedCheckpoint): SignedCheckpoint {
  const { log, size, root, position, time, previous, signature, keyId } = value;
  return { log, size, root, position, time, previous, signature, keyId };
}
