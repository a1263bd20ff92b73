import { Args, Context, GraphQLISODateTime, Int, Query, Resolver } from '@nestjs/graphql';
import {
  consistencyProof,
  exportEventLogPage,
  ExportRangeError,
  inclusionProof,
  verifyEventLog,
  type SignedCheckpoint,
} from '@haven/platform/audit';
import { clientError, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { AuditLogService } from '../log/audit-log.service';
import { AuditPolicy } from '../policies';
import { verificationOf } from '../verification/verification-report';
import {
  badInput,
  checkpointOf,
  checkRange,
  EVENT_LOG,
  pastInstant,
  recordAuditAccess,
} from './audit-access';
import {
  AuditCheckpointType,
  AuditConsistencyProofType,
  AuditExportType,
  AuditInclusionProofType,
  AuditLogVerificationType,
  AuditPublicKeyType,
} from './audit.types';

const LOG = EVENT_LOG;
/** The most events one page of an export through the API holds, and a page's default size. */
export const MAX_EXPORT_EVENTS = 50_000;
export const DEFAULT_EXPORT_PAGE = 10_000;

const toCheckpointType = (checkpoint: SignedCheckpoint): AuditCheckpointType =>
  checkpointOf(checkpoint);

/** Checkpoints, proofs on demand, verification of the whole log, exports. */
@Resolver()
export class ProofsResolver {
  constructor(private readonly audit: AuditLogService) {}

  private async checkpointOrLatest(size: number | null | undefined): Promise<SignedCheckpoint> {
    if (size != null && (!Number.isSafeInteger(size) || size < 1)) {
      throw badInput('A tree size must be a positive integer.');
    }
    const checkpoint =
      size == null
        ? await this.audit.tree.latestCheckpoint()
        : await this.audit.tree.checkpointOfSize(size);
    if (!checkpoint) {
      throw size == null
        ? clientError('NOT_FOUND', 'No checkpoint has been signed yet.')
        : badInput('No checkpoint has this tree size.');
    }
    return checkpoint;
  }

  @Query(() => AuditCheckpointType, {
    nullable: true,
    description: 'The newest signed checkpoint, or the newest signed at or before `asOf`.',
  })
  @Policy(AuditPolicy.audit)
  async auditCheckpoint(
    @Context() context: GraphQLContext,
    @Args('asOf', { type: () => GraphQLISODateTime, nullable: true }) asOf?: Date | null,
  ): Promise<AuditCheckpointType | null> {
    const time = pastInstant(asOf);
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['checkpoint']);
    const checkpoint = time
      ? await this.audit.tree.checkpointAsOf(time)
      : await this.audit.tree.latestCheckpoint();
    return checkpoint && toCheckpointType(checkpoint);
  }

  @Query(() => [AuditCheckpointType], { description: 'Signed checkpoints, oldest first.' })
  @Policy(AuditPolicy.audit)
  async auditCheckpoints(
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('afterSize', { type: () => Int, nullable: true }) afterSize?: number | null,
  ): Promise<AuditCheckpointType[]> {
    if (!Number.isSafeInteger(first) || first < 1 || first > 1000) {
      throw badInput('first must be between 1 and 1000.');
    }
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['checkpoints']);
    const list = await this.audit.tree.checkpoints({ first, after: afterSize ?? -1 });
    return list.map(toCheckpointType);
  }

  @Query(() => AuditPublicKeyType, { description: 'The key checkpoints are signed with.' })
  @Policy(AuditPolicy.audit)
  auditPublicKey(): AuditPublicKeyType {
    return { keyId: this.audit.signer.keyId, pem: this.audit.signer.publicKeyPem };
  }

  @Query(() => AuditInclusionProofType, {
    description:
      'Proves the event at a global position is in the tree of a checkpoint (the newest by default).',
  })
  @Policy(AuditPolicy.audit)
  async auditInclusionProof(
    @Context() context: GraphQLContext,
    @Args('globalPosition', { type: () => Int }) globalPosition: number,
    @Args('treeSize', { type: () => Int, nullable: true }) treeSize?: number | null,
  ): Promise<AuditInclusionProofType> {
    const checkpoint = await this.checkpointOrLatest(treeSize);
    const leaf = await this.audit.tree.leafAt(globalPosition);
    if (!leaf || leaf.index >= checkpoint.size) {
      throw badInput('No event at this position is in the tree of that checkpoint.');
    }
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['inclusionProof']);
    const hashes = await this.audit.tree.withNodes((source) =>
      inclusionProof(leaf.index, checkpoint.size, source),
    );
    return {
      globalPosition,
      leafIndex: leaf.index,
      treeSize: checkpoint.size,
      leafHash: leaf.hash.toString('hex'),
      root: checkpoint.root,
      hashes: hashes.map((h) => h.toString('hex')),
    };
  }

  @Query(() => AuditConsistencyProofType, {
    description:
      'Proves the tree of a later checkpoint (the newest by default) extends an earlier one.',
  })
  @Policy(AuditPolicy.audit)
  async auditConsistencyProof(
    @Context() context: GraphQLContext,
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int, nullable: true }) toSize?: number | null,
  ): Promise<AuditConsistencyProofType> {
    const from = await this.checkpointOrLatest(fromSize);
    const to = await this.checkpointOrLatest(toSize);
    if (from.size > to.size) throw badInput('fromSize must not exceed toSize.');
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['consistencyProof']);
    const hashes = await this.audit.tree.withNodes((source) =>
      consistencyProof(from.size, to.size, source),
    );
    return {
      fromSize: from.size,
      toSize: to.size,
      fromRoot: from.root,
      toRoot: to.root,
      hashes: hashes.map((h) => h.toString('hex')),
    };
  }

  @Query(() => AuditLogVerificationType, {
    description:
      'Verifies the whole log, or a range of global positions, against the newest checkpoint, within the request: every hash chain, the Merkle root, the checkpoints; names the first broken link. For a long log, auditStartLogVerification runs it in the background with progress.',
  })
  @Policy(AuditPolicy.audit)
  async auditVerifyLog(
    @Context() context: GraphQLContext,
    @Args('fromPosition', { type: () => Int, nullable: true }) fromPosition?: number | null,
    @Args('toPosition', { type: () => Int, nullable: true }) toPosition?: number | null,
  ): Promise<AuditLogVerificationType> {
    const head = await this.checkpointOrLatest(null);
    checkRange(fromPosition, toPosition, head);
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['verification']);
    const report = await verifyEventLog(this.audit.db, {
      fromPosition: fromPosition ?? undefined,
      toPosition: toPosition ?? undefined,
      treeSize: head.size,
      publicKeyPem: this.audit.signer.publicKeyPem,
      keyId: this.audit.signer.keyId,
    });
    return verificationOf(report, head);
  }

  @Query(() => AuditExportType, {
    description: `A range of the log as an audit export (JSON Lines, one string per line), in pages of at most \`pageSize\` events (${DEFAULT_EXPORT_PAGE} by default, ${MAX_EXPORT_EVENTS} at most): pass \`nextPage\` as \`after\` for the next page, until it is null. The pages' lines, in order, are one export proven against one checkpoint.`,
  })
  @Policy(AuditPolicy.audit)
  async auditExport(
    @Context() context: GraphQLContext,
    @Args('fromPosition', { type: () => Int, nullable: true }) fromPosition?: number | null,
    @Args('toPosition', { type: () => Int, nullable: true }) toPosition?: number | null,
    // Not `first`: the lines are strings, not records fetched per item, so the cost limit's
    // reading of `first` as a list's size does not apply; this bound is the page's own.
    @Args('pageSize', { type: () => Int, defaultValue: DEFAULT_EXPORT_PAGE })
    pageSize = DEFAULT_EXPORT_PAGE,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AuditExportType> {
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_EXPORT_EVENTS) {
      throw badInput(`pageSize must be between 1 and ${MAX_EXPORT_EVENTS}.`);
    }
    if (after != null && (fromPosition != null || toPosition != null)) {
      throw badInput('Give a range for the first page, or the cursor of the next page, not both.');
    }
    if (after == null) checkRange(fromPosition, toPosition, await this.checkpointOrLatest(null));
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', LOG, ['export']);
    try {
      const page = await exportEventLogPage(
        this.audit.db,
        {
          fromPosition: fromPosition ?? undefined,
          toPosition: toPosition ?? undefined,
          publicKeyPem: this.audit.signer.publicKeyPem,
          keyId: this.audit.signer.keyId,
          maxEvents: pageSize,
        },
        after,
      );
      return {
        events: page.events,
        lines: page.lines.map((line) => JSON.stringify(line)),
        nextPage: page.nextPage,
      };
    } catch (error) {
      if (error instanceof ExportRangeError) throw badInput(error.message);
      throw error;
    }
  }
}
