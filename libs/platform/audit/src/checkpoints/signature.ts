import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { checkpointBody, type SignedCheckpoint } from './checkpoint';

/** Whether the checkpoint's signature is the key's over its body. Never throws. */
export function verifyCheckpointSignature(
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(checkpointBody(checkpoint)),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** A public key from PEM (SPKI); null when it is not an Ed25519 public key. */
export function parsePublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}
