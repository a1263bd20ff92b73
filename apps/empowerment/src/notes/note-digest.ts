// A note's digest: how a retry is told from different facts under the same id, since the sealed
// text differs at each seal (a fresh nonce). An HMAC of the author and the plain text under a key
// derived from the beneficiary's data key: nobody without her key can test a guess against it,
// and her erasure shreds it with the note.
import { createHmac, hkdfSync } from 'node:crypto';
import type { PersonKeyStore } from '@haven/platform/privacy';

const DIGEST_KEY_INFO = 'haven:empowerment:note-digest:v1';

export async function noteDigest(
  keys: PersonKeyStore,
  beneficiaryId: string,
  author: string,
  text: string,
): Promise<string> {
  const dataKey = await keys.existingKey(beneficiaryId);
  if (!dataKey) throw new Error('A note is digested after it is sealed, with the key it made.');
  try {
    const digestKey = Buffer.from(
      hkdfSync('sha256', dataKey, Buffer.alloc(0), DIGEST_KEY_INFO, 32),
    );
    try {
      return createHmac('sha256', digestKey)
        .update(JSON.stringify([author, text]), 'utf8')
        .digest('base64url');
    } finally {
      digestKey.fill(0);
    }
  } finally {
    dataKey.fill(0);
  }
}
