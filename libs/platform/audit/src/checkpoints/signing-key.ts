import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KEYS_DIR } from '@haven/platform/security';
import { checkpointBody, type CheckpointFields, type SignedCheckpoint } from './checkpoint';

// Checking a signature needs no key store: it lives apart, for the standalone verifier.
export { parsePublicKey, verifyCheckpointSignature } from './signature';

/**
 * The port through which checkpoints are signed: a file key in development, a KMS or HSM in
 * production (only `sign` and the public key are needed; the private key never has to leave it).
 */
export interface CheckpointSigner {
  /** The fingerprint of the public key (what a checkpoint's keyId names). */
  readonly keyId: string;
  /** The public key as PEM (SPKI), for auditors to keep. */
  readonly publicKeyPem: string;
  sign(message: Buffer): Promise<Buffer>;
}

/** base64url of the first 16 bytes of SHA-256 over the raw 32-byte public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return createHash('sha256').update(raw).digest().subarray(0, 16).toString('base64url');
}

export class Ed25519Signer implements CheckpointSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new TypeError('Checkpoints are signed with an Ed25519 key.');
    }
    const publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(publicKey);
    this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  static fromPem(pem: string): Ed25519Signer {
    return new Ed25519Signer(createPrivateKey(pem));
  }

  async sign(message: Buffer): Promise<Buffer> {
    return sign(null, message, this.privateKey);
  }
}

export async function signCheckpoint(
  signer: CheckpointSigner,
  fields: CheckpointFields,
): Promise<SignedCheckpoint> {
  const signature = await signer.sign(Buffer.from(checkpointBody(fields)));
  return { ...fields, signature: signature.toString('base64'), keyId: signer.keyId };
}

const FILE = 'audit-signing-key.pem';
export const PUBLIC_KEY_FILE = 'audit-public-key.pem';

/**
 * The development signing key in `.data/keys/` (beside the other development keys), created on
 * first use; the public key is written beside it for auditors. As with dev-keys.ts, several
 * processes may start at once: the file appears atomically and whoever loses reads the winner's.
 */
export function ensureDevSigningKey(dir: string = DEFAULT_KEYS_DIR): Ed25519Signer {
  const file = join(dir, FILE);
  let pem: string | undefined;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!pem) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const aside = join(dir, `.${FILE}.${process.pid}.${randomUUID()}`);
    writeFileSync(aside, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    try {
      linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
    pem = readFileSync(file, 'utf8');
  }
  const signer = Ed25519Signer.fromPem(pem);
  writeFileSync(join(dir, PUBLIC_KEY_FILE), signer.publicKeyPem, { mode: 0o644 });
  return signer;
}

/** HAVEN_AUDIT_SIGNING_KEY (PEM) in production; the development key file otherwise. */
export function signerFromEnv(env: NodeJS.ProcessEnv = process.env): Ed25519Signer {
  const pem = env.HAVEN_AUDIT_SIGNING_KEY;
  if (pem) return Ed25519Signer.fromPem(pem);
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'HAVEN_AUDIT_SIGNING_KEY is not set: production signs checkpoints with a key of its own.',
    );
  }
  return ensureDevSigningKey(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR);
}
