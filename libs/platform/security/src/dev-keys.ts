import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from './principal';

/**
 * The local development issuer and keys: generated on first use into `.data/keys/` (never
 * committed: .data/ is ignored), and refused in production (see loadGatewaySecurity).
 */
export const DEV_ISSUER = 'urn:haven:dev-issuer';
export const DEFAULT_AUDIENCE = 'haven';
export const DEFAULT_KEYS_DIR = resolve(__dirname, '../../../../.data/keys');
const FILE = 'dev-keys.json';

export interface DevKeys {
  /** The development issuer's signing key and its public JWKS. */
  issuer: { privateJwk: JWK; jwks: { keys: JWK[] } };
  /** The gateway's identity-assertion key pair. */
  identity: { privateJwk: JWK; publicJwk: JWK };
  /** The development master key (base64, 32 bytes) that wraps personal data keys. */
  masterKey: string;
}

function ecKeyPair(): { privateJwk: JWK; publicJwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  return {
    privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' },
    publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256', use: 'sig' },
  };
}

export function generateDevKeys(): DevKeys {
  const issuer = ecKeyPair();
  return {
    issuer: { privateJwk: issuer.privateJwk, jwks: { keys: [issuer.publicJwk] } },
    identity: ecKeyPair(),
    masterKey: randomBytes(32).toString('base64'),
  };
}

/**
 * The development keys in `dir`, created on first use. Several processes start at once under
 * `npm start`: the file appears atomically (written aside, then hard-linked), and whoever loses
 * the race reads the winner's keys.
 */
export function ensureDevKeys(dir: string = DEFAULT_KEYS_DIR): DevKeys {
  const file = join(dir, FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const aside = join(dir, `.${FILE}.${process.pid}.${randomUUID()}`);
  writeFileSync(aside, JSON.stringify(generateDevKeys(), null, 2), { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
}

export interface DevTokenOptions {
  role: Role;
  countries?: string[];
  organisationId?: string;
  /** The user id; by default `dev-<role>`. */
  subject?: string;
  /** Lifetime in seconds (default 8 hours). */
  ttlSeconds?: number;
  /** Seconds from now before which the token is not valid (default: valid now). */
  notBeforeSeconds?: number;
  issuer?: string;
  audience?: string;
}

/** A token from the development issuer, as `npm run token` prints it. */
export async function mintDevToken(keys: DevKeys, options: DevTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const key = await importJWK(keys.issuer.privateJwk, 'ES256');
  const jwt = new SignJWT({
    role: options.role,
    ...(options.countries?.length ? { countries: options.countries } : {}),
    ...(options.organisationId ? { org: options.organisationId } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: keys.issuer.privateJwk.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setSubject(options.subject ?? `dev-${options.role}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 8 * 3600));
  if (options.notBeforeSeconds) jwt.setNotBefore(now + options.notBeforeSeconds);
  return jwt.sign(key);
}
