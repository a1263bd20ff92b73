import { checkpointHash, NO_PREVIOUS_CHECKPOINT } from '../checkpoints/checkpoint';
import { parsePublicKey, verifyCheckpointSignature } from '../checkpoints/signing-key';
import { leafHash, MerkleFrontier } from '../merkle';
import {
  ACCESS_LOG,
  accessChainHash,
  CHAIN_START,
  ENTRY_COLUMNS,
  type AccessLogEntryRow,
} from './access-log-leaves';
import { TreeStore, type AuditQueryable } from './tree-store';

export type AccessLogProblemReason =
  | 'missing_entry'
  | 'missing_link'
  | 'hash_mismatch'
  | 'root_mismatch'
  | 'bad_signature'
  | 'broken_checkpoint_chain'
  | 'shorter_than_checkpoint';

export interface AccessLogProblem {
  reason: AccessLogProblemReason;
  /** Where in the chain (1-based), and the entry's id, when the problem is one entry's. */
  seq?: number;
  entryId?: number;
  /** The checkpoint's size, when the problem is a checkpoint's. */
  checkpointSize?: number;
  message: string;
}

export interface AccessLogVerification {
  ok: boolean;
  /** Entries of the chain checked. */
  entries: number;
  /** The newest signed checkpoint's size (0: none yet). */
  checkpointSize: number;
  problems: AccessLogProblem[];
}

const PAGE = 5000;

/**
 * Recomputes the access log's hash chain from the entries themselves, and its Merkle root at every
 * signed checkpoint, and checks the checkpoints' signatures and chain. An entry removed (even with
 * the append-only trigger off) is named: its link is left without its entry, or, if the link went
 * too, the chain has a hole and the root at the next checkpoint differs from the signed one.
 */
export async function verifyAccessLog(
  db: AuditQueryable,
  options: { publicKeyPem: string },
): Promise<AccessLogVerification> {
  const problems: AccessLogProblem[] = [];
  const key = parsePublicKey(options.publicKeyPem);
  if (!key) throw new Error('The public key is not an Ed25519 key in PEM.');
  const checkpoints = await new TreeStore(db, ACCESS_LOG).checkpoints();
  let previous = NO_PREVIOUS_CHECKPOINT;
  for (const checkpoint of checkpoints) {
    if (!verifyCheckpointSignature(checkpoint, key)) {
      problems.push({
        reason: 'bad_signature',
        checkpointSize: checkpoint.size,
        message: `The checkpoint at size ${checkpoint.size} is not signed with the key.`,
      });
    }
    if (checkpoint.previous !== previous) {
      problems.push({
        reason: 'broken_checkpoint_chain',
        checkpointSize: checkpoint.size,
        message: `The checkpoint at size ${checkpoint.size} does not name the one before it.`,
      });
    }
    previous = checkpointHash(checkpoint);
  }
  const bySize = new Map(checkpoints.map((c) => [c.size, c]));

  const frontier = new MerkleFrontier();
  let chain = CHAIN_START;
  let expectedSeq = 1;
  for (let after = 0; ;) {
    const { rows } = await db.query<
      { seq: string; entry_id: string; hash: Buffer } & Partial<AccessLogEntryRow>
    >(
      `SELECT c.seq, c.entry_id, c.hash, ${ENTRY_COLUMNS}
         FROM privacy.access_log_chain c LEFT JOIN privacy.access_log a ON a.id = c.entry_id
        WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
      [after, PAGE],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const entryId = Number(row.entry_id);
      if (seq !== expectedSeq) {
        problems.push({
          reason: 'missing_link',
          seq: expectedSeq,
          message: `The chain has no link ${expectedSeq}${seq > expectedSeq + 1 ? `–${seq - 1}` : ''}: entries were removed.`,
        });
        // Carry on from the next link, so every later problem is still named.
        for (; expectedSeq < seq; expectedSeq++) frontier.append(leafHash(CHAIN_START));
      }
      // The leaf is recomputed from the entry; the chain carries on from the stored link, so
      // that one changed entry is named alone, not with every entry after it.
      let link = row.hash;
      if (row.id === null || row.id === undefined) {
        problems.push({
          reason: 'missing_entry',
          seq,
          entryId,
          message: `Access log entry ${entryId} (link ${seq}) was removed.`,
        });
      } else {
        link = accessChainHash(chain, row as AccessLogEntryRow);
        if (!link.equals(row.hash)) {
          problems.push({
            reason: 'hash_mismatch',
            seq,
            entryId,
            message: `Access log entry ${entryId} (link ${seq}) does not match its hash: changed, or an entry before it was.`,
          });
        }
      }
      chain = row.hash;
      frontier.append(leafHash(link));
      expectedSeq = seq + 1;
      const checkpoint = bySize.get(frontier.size);
      if (checkpoint && frontier.root().toString('hex') !== checkpoint.root) {
        problems.push({
          reason: 'root_mismatch',
          checkpointSize: checkpoint.size,
          message: `The access log's first ${checkpoint.size} entries are not those the checkpoint signed.`,
        });
      }
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const newest = checkpoints[checkpoints.length - 1];
  if (newest && frontier.size < newest.size) {
    problems.push({
      reason: 'shorter_than_checkpoint',
      checkpointSize: newest.size,
      message: `The access log's chain holds ${frontier.size} entries; a checkpoint signed ${newest.size}.`,
    });
  }
  return {
    ok: problems.length === 0,
    entries: frontier.size,
    checkpointSize: newest?.size ?? 0,
    problems,
  };
}
