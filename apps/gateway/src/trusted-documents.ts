// Trusted (persisted) documents: the operations Haven publishes ahead of time, one per file in
// apps/gateway/trusted-documents/*.graphql. A client names one by its id,
// `sha256:<hex of the SHA-256 of its text>`, as `{ "documentId": "sha256:…" }` or in Apollo's
// automatic persisted query form (`extensions.persistedQuery.sha256Hash`, the bare hex). Clients
// that must use them (partner organisations by default) may send no other operation, so what
// they can ask of Haven is exactly what was reviewed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { sendClientError } from './client-errors';
import type { Handler, Request } from './express';
import { principalOnRequest, type PrincipalOf } from './principal';

export const TRUSTED_DOCUMENTS_DIR = path.resolve(__dirname, '..', 'trusted-documents');
export const TRUSTED_DOCUMENTS_VARIABLE = 'HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR';
export const DEFAULT_TRUSTED_DOCUMENT_ROLES: readonly string[] = ['partner'];

export interface TrustedDocument {
  /** `sha256:<hex>` of `text`. */
  id: string;
  operationName: string;
  /** The file's text without its surrounding whitespace: what the id is the hash of. */
  text: string;
  file: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function documentIdOf(text: string): string {
  return `sha256:${sha256Hex(text.trim())}`;
}

const ID = /^sha256:([0-9a-f]{64})$/i;
const HASH = /^[0-9a-f]{64}$/i;

export class TrustedDocuments {
  private readonly byHex = new Map<string, TrustedDocument>();

  constructor(readonly documents: readonly TrustedDocument[]) {
    for (const document of documents) this.byHex.set(document.id.slice('sha256:'.length), document);
  }

  /**
   * Reads every `*.graphql` file of `dir`. Each holds one named operation (and the fragments it
   * uses); a file that does not parse, or a name used twice, stops the gateway from starting.
   */
  static load(dir: string = TRUSTED_DOCUMENTS_DIR): TrustedDocuments {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.graphql'))
      .sort();
    const names = new Set<string>();
    const documents = files.map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8').trim();
      let operations;
      try {
        operations = parse(text).definitions.filter(
          (definition) => definition.kind === Kind.OPERATION_DEFINITION,
        );
      } catch (error) {
        throw new Error(`Trusted document ${file}: ${(error as Error).message}`, { cause: error });
      }
      const operationName = operations.length === 1 ? operations[0].name?.value : undefined;
      if (!operationName) throw new Error(`Trusted document ${file}: one named operation, please.`);
      if (names.has(operationName)) {
        throw new Error(`Trusted document ${file}: another file already names ${operationName}.`);
      }
      names.add(operationName);
      return { id: documentIdOf(text), operationName, text, file };
    });
    return new TrustedDocuments(documents);
  }

  /** By `sha256:<hex>`. */
  byId(id: string): TrustedDocument | undefined {
    const hex = ID.exec(id)?.[1];
    return hex ? this.byHex.get(hex.toLowerCase()) : undefined;
  }

  /** By the bare hex of an automatic persisted query. */
  byHash(hash: string): TrustedDocument | undefined {
    return HASH.test(hash) ? this.byHex.get(hash.toLowerCase()) : undefined;
  }

  /** The document whose text this is (up to surrounding whitespace), if any. */
  byText(text: string): TrustedDocument | undefined {
    return this.byHex.get(sha256Hex(text.trim()));
  }
}

/**
 * Who must use trusted documents, from `HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR`: a comma-separated list
 * of roles (`partner` by default), `all` (every request, anonymous ones included) or `none`.
 */
export function trustedDocumentsRequiredFor(
  env: NodeJS.ProcessEnv,
  principalOf: PrincipalOf = principalOnRequest,
): (request: Request) => boolean {
  const value = env[TRUSTED_DOCUMENTS_VARIABLE]?.trim();
  if (value === 'all') return () => true;
  if (value === 'none') return () => false;
  const roles = new Set(
    value
      ? value
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean)
      : DEFAULT_TRUSTED_DOCUMENT_ROLES,
  );
  return (request) => {
    const role = principalOf(request)?.role;
    return role !== undefined && roles.has(role);
  };
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

const NOT_FOUND: Refusal = {
  status: 400,
  code: 'PERSISTED_QUERY_NOT_FOUND',
  message: 'No trusted document has this id.',
};
const REQUIRED: Refusal = {
  status: 403,
  code: 'PERSISTED_QUERY_REQUIRED',
  message:
    'This client may only run trusted documents: send a published document’s id ' +
    '({ "documentId": "sha256:…" }) instead of a query.',
};

type Operation = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function persistedHashOf(operation: Operation): string | undefined {
  const persisted = isRecord(operation.extensions)
    ? operation.extensions.persistedQuery
    : undefined;
  const hash = isRecord(persisted) ? persisted.sha256Hash : undefined;
  return typeof hash === 'string' ? hash : undefined;
}

/** Puts the document's text in place of the id, so Apollo Server runs it as any query. */
function useDocument(operation: Operation, document: TrustedDocument): void {
  operation.query = document.text;
  delete operation.documentId;
  if (isRecord(operation.extensions)) delete operation.extensions.persistedQuery;
}

/**
 * Resolves one operation in place: `resolved` when it now carries a trusted document's text,
 * `unchanged` when Apollo Server may take it as it is, or why it is refused.
 */
function resolveOperation(
  operation: Operation,
  restricted: boolean,
  documents: TrustedDocuments,
): Refusal | 'resolved' | 'unchanged' {
  if ('documentId' in operation) {
    const { documentId } = operation;
    const document = typeof documentId === 'string' ? documents.byId(documentId) : undefined;
    if (!document) return NOT_FOUND;
    useDocument(operation, document);
    return 'resolved';
  }
  const hash = persistedHashOf(operation);
  if (typeof operation.query === 'string') {
    // Free-form text is only hashed when it matters: for a restricted client, or to spare
    // Apollo Server registering a trusted document as an automatic persisted query.
    const document =
      restricted || hash !== undefined ? documents.byText(operation.query) : undefined;
    if (document) {
      useDocument(operation, document);
      return 'resolved';
    }
    return restricted ? REQUIRED : 'unchanged';
  }
  if (hash !== undefined) {
    const document = documents.byHash(hash);
    if (document) {
      useDocument(operation, document);
      return 'resolved';
    }
    // Other clients keep Apollo Server's automatic persisted queries for their own operations.
    if (restricted) return NOT_FOUND;
  }
  return 'unchanged';
}

/**
 * Before Apollo Server, after the body parser: replaces a trusted document's id by its text, and
 * refuses an unknown id (400, PERSISTED_QUERY_NOT_FOUND) and, from a client that must use trusted
 * documents, any other operation (403, PERSISTED_QUERY_REQUIRED). Handles POST bodies (batches
 * included) and GET query strings; Apollo Server's CSRF rules still apply to both.
 */
export function trustedDocumentsMiddleware(options: {
  documents: TrustedDocuments;
  requiresTrustedDocuments: (request: Request) => boolean;
}): Handler {
  const { documents, requiresTrustedDocuments } = options;
  return (request, response, next) => {
    const restricted = requiresTrustedDocuments(request);
    if (request.method === 'GET') {
      const url = new URL(request.url ?? '/', 'http://gateway');
      const operation: Operation = {};
      for (const key of ['query', 'documentId', 'extensions']) {
        const value = url.searchParams.get(key);
        if (value !== null) operation[key] = value;
      }
      if (typeof operation.extensions === 'string') {
        try {
          operation.extensions = JSON.parse(operation.extensions);
        } catch {
          // Apollo Server refuses it, with its own message.
        }
      }
      const outcome = resolveOperation(operation, restricted, documents);
      if (typeof outcome === 'object') {
        return sendClientError(response, outcome.status, outcome.code, outcome.message);
      }
      if (outcome === 'resolved') {
        url.searchParams.set('query', operation.query as string);
        url.searchParams.delete('documentId');
        if (isRecord(operation.extensions)) {
          url.searchParams.set('extensions', JSON.stringify(operation.extensions));
        }
        request.url = `${url.pathname}${url.search}`;
      }
      return next();
    }
    const operations = Array.isArray(request.body) ? request.body : [request.body];
    for (const operation of operations) {
      if (!isRecord(operation)) continue; // Apollo Server refuses it
      const outcome = resolveOperation(operation, restricted, documents);
      if (typeof outcome === 'object') {
        return sendClientError(response, outcome.status, outcome.code, outcome.message);
      }
    }
    return next();
  };
}
