// Hostile requests against the gateway and three fake subgraphs: clients that may only run trusted
// documents, named by id, by automatic persisted query hash or by their text, and every other
// form of a free-form query refused.
// Each refusal is checked at the client (status, code, request id), at the subgraphs (nothing
// reached them) and in the gateway's log (no variables, no personal data).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningGateway } from './gateway';
import {
  errorOf,
  logCapture,
  PERSONAL,
  send,
  sha256,
  useHostileGateways,
  type Reply,
} from './testing/hostile-gateways';

describe('the gateway under hostile requests', () => {
  const hostile = useHostileGateways();
  const { gatewayWith, subgraphCalls, post } = hostile;

  describe('trusted documents', () => {
    let gateway: RunningGateway;
    let dir: string;
    const log = logCapture();
    const BENEFICIARIES = `query Beneficiaries {
  beneficiaries {
    id
    referenceCode
    legalCaseCount
  }
}`;
    const ECHO = 'query Echo($text: String!) {\n  echo(text: $text)\n}';
    const FREE_FORM = `query Everything($note: String!) {
  echo(text: $note)
  beneficiaries(first: 2) { id referenceCode related(first: 1) { id } }
}`;
    const partner = { 'x-test-subject': 'partner-user-1', 'x-test-role': 'partner' };
    const officer = { 'x-test-subject': 'officer-user-1', 'x-test-role': 'protection_officer' };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'haven-trusted-'));
      writeFileSync(path.join(dir, 'beneficiaries.graphql'), `${BENEFICIARIES}\n`);
      writeFileSync(path.join(dir, 'echo.graphql'), `${ECHO}\n`);
      gateway = await gatewayWith({ logger: log.logger, trustedDocumentsDir: dir });
    });

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    beforeEach(() => {
      log.lines.length = 0;
    });

    afterEach(() => {
      expect(log.lines.join('\n')).not.toContain(PERSONAL);
    });

    function expectRefused(reply: Reply, status: number, code: string) {
      expect(reply.status).toBe(status);
      expect(errorOf(reply).extensions).toEqual({
        code,
        requestId: reply.headers.get('x-request-id'),
      });
      expect(subgraphCalls()).toBe(0);
    }

    it('runs a trusted document named by its id', async () => {
      const reply = await post(gateway, { documentId: `sha256:${sha256(BENEFICIARIES)}` }, partner);
      expect(reply.body).toEqual({
        data: {
          beneficiaries: [
            { id: 'b-1', referenceCode: 'TH-0001', legalCaseCount: 10 },
            { id: 'b-2', referenceCode: 'LA-0002', legalCaseCount: 20 },
          ],
        },
      });
      const echo = await post(
        gateway,
        { documentId: `sha256:${sha256(ECHO)}`, variables: { text: PERSONAL } },
        partner,
      );
      expect(echo.body).toEqual({ data: { echo: String(PERSONAL.length) } });
    });

    it('runs a trusted document named by its automatic persisted query hash', async () => {
      const reply = await post(
        gateway,
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(BENEFICIARIES) } } },
        partner,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('runs a trusted document named by its id over GET', async () => {
      const url = new URL(gateway.url);
      url.searchParams.set('documentId', `sha256:${sha256(BENEFICIARIES)}`);
      const reply = await send(url.href, {
        headers: { ...partner, 'apollo-require-preflight': 'true' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('refuses an unknown id with 400 PERSISTED_QUERY_NOT_FOUND, whoever asks', async () => {
      for (const headers of [partner, officer, {}]) {
        expectRefused(
          await post(gateway, { documentId: `sha256:${sha256('{ legalStatus }')}` }, headers),
          400,
          'PERSISTED_QUERY_NOT_FOUND',
        );
      }
      expectRefused(
        await post(gateway, { documentId: 'not-an-id' }, officer),
        400,
        'PERSISTED_QUERY_NOT_FOUND',
      );
      expectRefused(
        await post(
          gateway,
          { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ x }') } } },
          partner,
        ),
        400,
        'PERSISTED_QUERY_NOT_FOUND',
      );
    });

    it('refuses a free-form query from a partner with 403 PERSISTED_QUERY_REQUIRED', async () => {
      const reply = await post(
        gateway,
        { query: FREE_FORM, variables: { note: PERSONAL } },
        partner,
      );
      expectRefused(reply, 403, 'PERSISTED_QUERY_REQUIRED');
      expect(errorOf(reply).message).toMatch(/may only run trusted documents/);
      const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ status: 403, errorCodes: ['PERSISTED_QUERY_REQUIRED'] }),
      );
    });

    it('refuses it in every other form: as an APQ registration, in a batch, over GET', async () => {
      expectRefused(
        await post(
          gateway,
          {
            query: FREE_FORM,
            variables: { note: PERSONAL },
            extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_FORM) } },
          },
          partner,
        ),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      expectRefused(
        await post(
          gateway,
          [{ documentId: `sha256:${sha256(BENEFICIARIES)}` }, { query: FREE_FORM }],
          partner,
        ),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      const url = new URL(gateway.url);
      url.searchParams.set('query', FREE_FORM);
      url.searchParams.set('variables', JSON.stringify({ note: PERSONAL }));
      expectRefused(
        await send(url.href, { headers: { ...partner, 'apollo-require-preflight': 'true' } }),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
    });

    it('accepts from a partner a query whose text is a trusted document’s', async () => {
      const reply = await post(gateway, { query: `${BENEFICIARIES}\n` }, partner);
      expect(reply.status).toBe(200);
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });

    it('leaves other roles free to send queries, and Apollo’s own persisted queries', async () => {
      const reply = await post(
        gateway,
        { query: FREE_FORM, variables: { note: PERSONAL } },
        officer,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.data?.echo).toBe(String(PERSONAL.length));
      const unknown = await post(
        gateway,
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_FORM) } } },
        officer,
      );
      expect(errorOf(unknown).extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('applies to every request with HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR=all', async () => {
      const strict = await gatewayWith({
        trustedDocumentsDir: dir,
        env: { HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR: 'all' },
      });
      expectRefused(
        await post(strict, { query: '{ legalStatus }' }),
        403,
        'PERSISTED_QUERY_REQUIRED',
      );
      const reply = await post(strict, { documentId: `sha256:${sha256(BENEFICIARIES)}` });
      expect(reply.body.data?.beneficiaries).toHaveLength(2);
    });
  });
});
