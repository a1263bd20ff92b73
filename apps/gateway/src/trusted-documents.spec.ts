import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { graphqlLimitRules } from '@haven/platform/security';
import { parse, print, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { Request } from './express';
import { readSupergraph } from './supergraph';
import {
  documentIdOf,
  TrustedDocuments,
  trustedDocumentsRequiredFor,
  type TrustedDocument,
} from './trusted-documents';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the published trusted documents (apps/gateway/trusted-documents)', () => {
  const { documents } = TrustedDocuments.load();
  let schema: GraphQLSchema;
  let gateway: ApolloGateway;

  beforeAll(async () => {
    // The API schema of the committed supergraph, as the gateway serves it (no subgraph called).
    gateway = new ApolloGateway({ supergraphSdl: readSupergraph() });
    ({ schema } = await gateway.load());
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('are the operations a partner organisation uses', () => {
    expect(documents.map((document) => document.operationName)).toEqual([
      'Beneficiaries',
      'BeneficiaryById',
      'CaseNotifications',
      'MyCaseNotifications',
      'ProgrammeReport',
      'ProtectionCase',
      'RegisterBeneficiary',
      'SubmitCaseNotification',
    ]);
  });

  it.each(documents.map((document) => [document.operationName, document] as const))(
    '%s: is named by the SHA-256 of its text, which is in graphql-js’s printed form',
    (_name, document: TrustedDocument) => {
      expect(document.id).toBe(`sha256:${sha256(document.text)}`);
      // Apollo Client hashes print(document) for automatic persisted queries: the same text.
      expect(print(parse(document.text))).toBe(document.text);
    },
  );

  it.each(documents.map((document) => [document.operationName, document] as const))(
    '%s: is valid against the supergraph, within the gateway’s limits',
    (_name, document: TrustedDocument) => {
      const errors = validate(schema, parse(document.text), [
        ...specifiedRules,
        ...graphqlLimitRules(),
      ]);
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );
});

describe('TrustedDocuments', () => {
  let dir: string;
  const ECHO = 'query Echo($text: String!) {\n  echo(text: $text)\n}';

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'haven-trusted-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);

  it('finds a document by id, by bare hash (any case) and by text (up to surrounding space)', () => {
    write('echo.graphql', `\n${ECHO}\n\n`);
    write('notes.txt', 'not a document');
    const trusted = TrustedDocuments.load(dir);
    const [echo] = trusted.documents;
    expect(trusted.documents).toEqual([
      { id: `sha256:${sha256(ECHO)}`, operationName: 'Echo', text: ECHO, file: 'echo.graphql' },
    ]);
    expect(documentIdOf(`${ECHO}\n`)).toBe(echo.id);
    expect(trusted.byId(echo.id)).toBe(echo);
    expect(trusted.byId(echo.id.toUpperCase().replace('SHA256:', 'sha256:'))).toBe(echo);
    expect(trusted.byHash(sha256(ECHO))).toBe(echo);
    expect(trusted.byHash(sha256(ECHO).toUpperCase())).toBe(echo);
    expect(trusted.byText(`  ${ECHO}\n`)).toBe(echo);
    expect(trusted.byText(ECHO.replace('echo(', 'echo ('))).toBeUndefined();
    expect(trusted.byId(sha256(ECHO))).toBeUndefined();
    expect(trusted.byId(`sha1:${sha256(ECHO)}`)).toBeUndefined();
    expect(trusted.byHash(`sha256:${sha256(ECHO)}`)).toBeUndefined();
  });

  it('refuses to start on a file that is not one named operation, or a name used twice', () => {
    write('two.graphql', 'query A { a } query B { b }');
    expect(() => TrustedDocuments.load(dir)).toThrow(
      'Trusted document two.graphql: one named operation, please.',
    );
    rmSync(path.join(dir, 'two.graphql'));
    write('anonymous.graphql', '{ a }');
    expect(() => TrustedDocuments.load(dir)).toThrow('anonymous.graphql: one named operation');
    rmSync(path.join(dir, 'anonymous.graphql'));
    write('broken.graphql', 'query Broken {');
    expect(() => TrustedDocuments.load(dir)).toThrow(/^Trusted document broken.graphql: Syntax/);
    rmSync(path.join(dir, 'broken.graphql'));
    write('a.graphql', 'query Same { a }');
    write('b.graphql', 'query Same { b }');
    expect(() => TrustedDocuments.load(dir)).toThrow(
      'Trusted document b.graphql: another file already names Same.',
    );
  });

  it('allows fragments beside the operation', () => {
    write('with-fragment.graphql', 'query Page { a { ...F } } fragment F on A { b }');
    expect(TrustedDocuments.load(dir).documents.map((d) => d.operationName)).toEqual(['Page']);
  });
});

describe('trustedDocumentsRequiredFor (HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR)', () => {
  const request = (role?: string) =>
    ({ principal: role ? { subject: 'user-1', role } : undefined }) as unknown as Request;

  it('holds partners to trusted documents by default, and nobody else', () => {
    const required = trustedDocumentsRequiredFor({});
    expect(required(request('partner'))).toBe(true);
    expect(required(request('protection_officer'))).toBe(false);
    expect(required(request())).toBe(false);
  });

  it('takes a list of roles, `all` or `none`', () => {
    const listed = trustedDocumentsRequiredFor({
      HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR: ' partner , watchdog ',
    });
    expect(listed(request('watchdog'))).toBe(true);
    expect(listed(request('partner'))).toBe(true);
    expect(listed(request('admin'))).toBe(false);
    const all = trustedDocumentsRequiredFor({ HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR: 'all' });
    expect(all(request())).toBe(true);
    expect(all(request('admin'))).toBe(true);
    const none = trustedDocumentsRequiredFor({ HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR: 'none' });
    expect(none(request('partner'))).toBe(false);
  });

  it('asks who is calling through the given function', () => {
    const required = trustedDocumentsRequiredFor({}, () => ({ subject: 's', role: 'partner' }));
    expect(required(request())).toBe(true);
  });
});
