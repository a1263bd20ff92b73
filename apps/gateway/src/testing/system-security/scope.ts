// Scope (part of system.security-spec.ts): each role reaches its own mutations, and its own
// countries' or organisation's records, only; break-glass and the reviews of reads and grants stay
// with their roles, and personal details are never shown to an analyst, an auditor or a watchdog.
import { TrustedDocuments } from '../../trusted-documents';
import {
  ERASE,
  LIST,
  onlyError,
  personalDetails,
  READ_PERSONAL,
  READ_RECORD,
  REGISTER,
  registered,
  type HostileSystem,
  type Reply,
} from './system';

export function describeScopeChecks(haven: () => HostileSystem): void {
  describe('scope: each role reaches its own records and mutations only', () => {
    const trusted = TrustedDocuments.load();
    const documentId = (operationName: string) =>
      trusted.documents.find((document) => document.operationName === operationName)!.id;

    let thId: string;
    let laId: string;
    let ngoAId: string;
    let ngoBId: string;
    let ngoA: string;
    let ngoB: string;
    let officerTH: string;

    beforeAll(async () => {
      const { adminToken, register, token, viaGateway } = haven();
      ngoA = await token({ role: 'partner', organisationId: 'ngo-a', subject: 'partner-a' });
      ngoB = await token({ role: 'partner', organisationId: 'ngo-b', subject: 'partner-b' });
      officerTH = await token({ role: 'protection_officer', countries: ['TH'], subject: 'po-th' });
      thId = await register(adminToken, {
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: personalDetails(),
      });
      laId = await register(adminToken, {
        country: 'LA',
        sex: 'MALE',
        minor: true,
        personal: personalDetails(),
      });
      const asPartner = async (bearer: string, country: string) =>
        registered(
          await viaGateway('partner register', bearer, {
            documentId: documentId('RegisterBeneficiary'),
            variables: {
              input: { country, sex: 'FEMALE', minor: true, personal: personalDetails() },
            },
          }),
        );
      ngoAId = await asPartner(ngoA, 'TH');
      ngoBId = await asPartner(ngoB, 'LA');
    });

    /** A GraphQL refusal (HTTP 200): the one error's code and reason, and no data. */
    async function expectForbidden(
      label: string,
      bearer: string,
      body: unknown,
      reason: string,
    ): Promise<Reply> {
      const { rowCounts, viaGateway } = haven();
      const before = await rowCounts();
      const reply = await viaGateway(label, bearer, body);
      expect({ label, status: reply.status }).toEqual({ label, status: 200 });
      const error = onlyError(reply);
      expect({ label, extensions: error.extensions }).toEqual({
        label,
        extensions: {
          code: 'FORBIDDEN',
          reason,
          serviceName: 'protection',
          requestId: reply.headers.get('x-request-id'),
        },
      });
      expect(await rowCounts()).toEqual(before);
      return reply;
    }

    it('refuses another role’s mutations: registering as a network coordinator, a legal officer or a watchdog; erasing as a protection officer', async () => {
      const { token } = haven();
      const input = () => ({
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: personalDetails(),
      });
      for (const role of ['network_coordinator', 'legal_officer'] as const) {
        const bearer = await token({ role, countries: ['TH'], subject: `${role}-th` });
        const reply = await expectForbidden(
          `register as ${role}`,
          bearer,
          { query: REGISTER, variables: { input: input() } },
          'ROLE_NOT_ALLOWED',
        );
        expect(reply.body.data).toBeNull();
      }
      const watchdog = await token({ role: 'watchdog', subject: 'watchdog-1' });
      await expectForbidden(
        'register as watchdog',
        watchdog,
        { query: REGISTER, variables: { input: input() } },
        'ROLE_NOT_ALLOWED',
      );
      await expectForbidden(
        'erase as officer',
        officerTH,
        { query: ERASE, variables: { input: { beneficiaryId: thId, reason: 'Ticket OPS-1' } } },
        'ROLE_NOT_ALLOWED',
      );
      await expectForbidden(
        'confirm erasure as officer',
        officerTH,
        {
          query: `mutation Confirm($input: ConfirmBeneficiaryErasureInput!) {
            confirmBeneficiaryErasure(input: $input) { status }
          }`,
          variables: { input: { beneficiaryId: thId } },
        },
        'ROLE_NOT_ALLOWED',
      );
      // Within the role, outside its countries.
      await expectForbidden(
        'register in LA as TH officer',
        officerTH,
        { query: REGISTER, variables: { input: { ...input(), country: 'LA' } } },
        'OUT_OF_SCOPE',
      );
    });

    it('keeps break-glass and the reviews of reads and grants to their roles; a grant still needs a purpose', async () => {
      const { token, viaGateway } = haven();
      const requestGlass = {
        query: `mutation Glass($input: RequestBreakGlassAccessInput!) {
          requestBreakGlassAccess(input: $input) { grantId expiresAt }
        }`,
        variables: {
          input: { beneficiaryId: laId, reason: 'Court hearing moved to today, OPS-77' },
        },
      };
      for (const role of ['analyst', 'watchdog'] as const) {
        const bearer = await token({ role, subject: `${role}-glass` });
        await expectForbidden(`break-glass as ${role}`, bearer, requestGlass, 'ROLE_NOT_ALLOWED');
      }
      for (const query of [
        '{ accessLog(first: 100) { edges { node { actorId recordId fields purpose } } } }',
        '{ breakGlassGrants(first: 100) { edges { node { actorId beneficiaryId reason } } } }',
      ]) {
        await expectForbidden('review as officer', officerTH, { query }, 'ROLE_NOT_ALLOWED');
      }

      // A grant lets its holder past the country, but never without a stated purpose.
      const holder = await token({
        role: 'protection_officer',
        countries: ['TH'],
        subject: 'po-th-glass',
      });
      const granted = await viaGateway('break-glass granted', holder, requestGlass);
      expect(granted.body.errors).toBeUndefined();
      const reply = await expectForbidden(
        'break-glass read without a purpose',
        holder,
        { query: READ_RECORD, variables: { id: laId } },
        'PURPOSE_REQUIRED',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });
    });

    it('shows a partner its own organisation’s beneficiaries only', async () => {
      const { rowCounts, subgraphCalls, viaGateway } = haven();
      const reply = await expectForbidden(
        'partner A reads B',
        ngoA,
        { documentId: documentId('BeneficiaryById'), variables: { id: ngoBId } },
        'OUT_OF_SCOPE',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });

      const own = await viaGateway('partner A reads A', ngoA, {
        documentId: documentId('BeneficiaryById'),
        variables: { id: ngoAId },
      });
      expect(own.body.errors).toBeUndefined();
      expect(own.body.data).toMatchObject({ beneficiary: { id: ngoAId } });

      const list = await viaGateway('partner A lists', ngoA, {
        documentId: documentId('Beneficiaries'),
        variables: { first: 100 },
      });
      expect(list.body.errors).toBeUndefined();
      const edges = (list.body.data!.beneficiaries as { edges: Array<{ node: { id: string } }> })
        .edges;
      expect(edges.map((edge) => edge.node.id)).toEqual([ngoAId]);

      // Anything but a trusted document is refused before a service is asked.
      const before = await rowCounts();
      const calls = subgraphCalls();
      for (const query of [READ_PERSONAL, LIST]) {
        const free = await viaGateway('partner free-form', ngoA, {
          query,
          variables: { id: ngoAId },
        });
        expect(free.status).toBe(403);
        expect(onlyError(free).extensions).toMatchObject({ code: 'PERSISTED_QUERY_REQUIRED' });
      }
      expect(subgraphCalls()).toEqual(calls);
      expect(await rowCounts()).toEqual(before);
    });

    it('gives a watchdog no beneficiary, alone or in a list', async () => {
      const { token } = haven();
      const watchdog = await token({
        role: 'watchdog',
        organisationId: 'watch-1',
        subject: 'wd-1',
      });
      const one = await expectForbidden(
        'watchdog reads',
        watchdog,
        { query: READ_RECORD, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(one.body.data).toEqual({ beneficiary: null });
      const list = await expectForbidden(
        'watchdog lists',
        watchdog,
        { query: LIST },
        'ROLE_NOT_ALLOWED',
      );
      expect(list.body.data).toBeNull();
    });

    it('keeps a country officer to their countries', async () => {
      const { viaGateway } = haven();
      const reply = await expectForbidden(
        'TH officer reads LA',
        officerTH,
        { query: READ_RECORD, variables: { id: laId } },
        'OUT_OF_SCOPE',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });
      const personal = await expectForbidden(
        'TH officer reads LA personal details',
        officerTH,
        { query: READ_PERSONAL, variables: { id: laId } },
        'OUT_OF_SCOPE',
      );
      expect(personal.body.data).toEqual({ beneficiary: null });

      const list = await viaGateway('TH officer lists', officerTH, { query: LIST });
      expect(list.body.errors).toBeUndefined();
      const nodes = (
        list.body.data!.beneficiaries as { edges: Array<{ node: { id: string; country: string } }> }
      ).edges.map((edge) => edge.node);
      expect(nodes.map((node) => node.id)).toEqual(expect.arrayContaining([thId, ngoAId]));
      expect(nodes.map((node) => node.id)).not.toContain(laId);
      expect(new Set(nodes.map((node) => node.country))).toEqual(new Set(['TH']));
    });

    it('never shows personal details to an analyst or an auditor, and logs no read', async () => {
      const { rowCounts, token, viaGateway } = haven();
      const analyst = await token({ role: 'analyst', subject: 'analyst-1' });
      const auditor = await token({ role: 'auditor', subject: 'auditor-1' });
      const byAnalyst = await expectForbidden(
        'analyst reads personal details',
        analyst,
        { query: READ_PERSONAL, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(byAnalyst.body.data).toEqual({ beneficiary: null });
      const byAuditor = await expectForbidden(
        'auditor reads personal details',
        auditor,
        { query: READ_PERSONAL, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(byAuditor.body.data).toEqual({ beneficiary: { id: thId, personalDetails: null } });
      expect(onlyError(byAuditor).path).toEqual(['beneficiary', 'personalDetails']);

      const before = await rowCounts();
      const list = await viaGateway('auditor lists personal details', auditor, {
        query: `{ beneficiaries(first: 100) { edges { node { id personalDetails { givenName notes } } } } }`,
      });
      const errors = list.body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      }
      const edges = (
        list.body.data!.beneficiaries as {
          edges: Array<{ node: { personalDetails: unknown } }>;
        }
      ).edges;
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) expect(edge.node.personalDetails).toBeNull();
      expect(await rowCounts()).toEqual(before);
    });
  });
}
