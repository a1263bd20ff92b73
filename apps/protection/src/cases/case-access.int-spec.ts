// Who may do what with protection cases, and listing them, through the service's GraphQL API on a
// real PostgreSQL: roles without cases refused everything, cases out of the caller's countries
// answered as missing, legal officers reading only, malformed ids refused; the list's filters and
// pages.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import {
  addVictim,
  codes,
  eventsOf,
  laOfficer,
  legalOfficer,
  mutate,
  ok,
  openCase,
  thOfficer,
  type Errors,
} from '../testing/case-fixtures';
import { auditor, officer, partner, registerBeneficiary } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

const watchdog: Principal = {
  subject: 'watchdog-1',
  role: 'watchdog',
  countries: [],
  organisationId: 'village-network',
};
const networkCoordinator: Principal = {
  subject: 'coordinator-th',
  role: 'network_coordinator',
  countries: ['TH'],
  organisationId: 'alliance',
};

describe('who may do what with cases', () => {
  let thCase: string;
  let laCase: string;

  beforeAll(async () => {
    thCase = (
      await openCase(protection.service, {
        country: 'TH',
        formOfExploitation: 'ONLINE_SEXUAL_EXPLOITATION',
      })
    ).caseId;
    laCase = (await openCase(protection.service, { country: 'LA' }, laOfficer)).caseId;
  });

  it.each([
    ['a partner', partner('ngo-1')],
    ['a watchdog', watchdog],
    ['a network coordinator', networkCoordinator],
  ])(
    'refuses %s every case query and mutation (ROLE_NOT_ALLOWED), and writes nothing',
    async (_, as) => {
      const queries = [
        ['protectionCases', '{ protectionCases { edges { node { id } } } }', {}],
        ['protectionCase', 'query ($id: ID!) { protectionCase(id: $id) { id } }', { id: thCase }],
        [
          'protectionCaseForNotification',
          'query ($id: ID!) { protectionCaseForNotification(notificationId: $id) { id } }',
          { id: randomUUID() },
        ],
      ] as const;
      for (const [field, query, variables] of queries) {
        const response = await protection.service.graphql<Record<string, unknown>>(
          query,
          variables,
          {},
          {
            as,
          },
        );
        expect(response.body.data?.[field] ?? null).toBeNull();
        expect(codes(response.body.errors as Errors)).toEqual([
          { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
        ]);
      }
      const before = await eventsOf(protection.sql, thCase);
      const opened = await mutate(
        protection.service,
        'openProtectionCase',
        'OpenProtectionCaseInput',
        {
          country: 'TH',
          formOfExploitation: 'SEX_TRAFFICKING',
        },
        as,
      );
      const closed = await mutate(
        protection.service,
        'closeProtectionCase',
        'CloseProtectionCaseInput',
        {
          caseId: thCase,
          reason: 'OTHER',
        },
        as,
      );
      for (const { errors } of [opened, closed]) {
        expect(codes(errors)).toEqual([{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }]);
      }
      expect(await eventsOf(protection.sql, thCase)).toBe(before);
    },
  );

  it('lets a Thai officer neither read nor touch a Lao case (NOT_FOUND, as for no case; opening one in LA: OUT_OF_SCOPE), writing nothing', async () => {
    const read = await protection.service.graphql(
      'query ($id: ID!) { protectionCase(id: $id) { id } }',
      { id: laCase },
      {},
      { as: thOfficer },
    );
    expect(codes(read.body.errors as Errors)).toEqual([
      { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' },
    ]);
    const before = await eventsOf(protection.sql, laCase);
    const note = await mutate(
      protection.service,
      'addInvestigationNote',
      'AddInvestigationNoteInput',
      {
        caseId: laCase,
        text: 'Seen at the border',
      },
    );
    const rescue = await mutate(
      protection.service,
      'recordRescueOperation',
      'RecordRescueOperationInput',
      {
        caseId: laCase,
        date: '2026-01-17',
        place: 'Vientiane',
        rescuedBeneficiaryIds: [],
      },
    );
    const open = await mutate(protection.service, 'openProtectionCase', 'OpenProtectionCaseInput', {
      country: 'LA',
      formOfExploitation: 'SEX_TRAFFICKING',
    });
    for (const { errors } of [note, rescue]) {
      expect(codes(errors)).toEqual([{ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' }]);
    }
    expect(codes(open.errors)).toEqual([{ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' }]);
    expect(await eventsOf(protection.sql, laCase)).toBe(before);
    // Nothing was sealed for a case out of scope: no key was made for it.
    const { rows } = await protection.sql.query(
      'SELECT 1 FROM privacy.person_keys WHERE subject_id = $1',
      [laCase],
    );
    expect(rows).toEqual([]);
  });

  it('lists only the cases in the caller’s countries; auditors and admins see all', async () => {
    const LIST = `{ protectionCases(first: 100) { edges { node { id country } } } }`;
    type List = { protectionCases: { edges: Array<{ node: { id: string; country: string } }> } };
    const asThai = await protection.service.graphql<List>(LIST, {}, {}, { as: thOfficer });
    const countries = asThai.body.data!.protectionCases.edges.map((edge) => edge.node.country);
    expect(new Set(countries)).toEqual(new Set(['TH']));
    const asAuditor = await protection.service.graphql<List>(LIST, {}, {}, { as: auditor });
    const ids = asAuditor.body.data!.protectionCases.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([thCase, laCase]));
  });

  it('lets a legal officer read the cases of her countries, never change them', async () => {
    const read = await protection.service.graphql<{ protectionCase: { id: string } }>(
      'query ($id: ID!) { protectionCase(id: $id) { id } }',
      { id: thCase },
      {},
      { as: legalOfficer },
    );
    expect(read.body.data!.protectionCase.id).toBe(thCase);
    const refused = await mutate(
      protection.service,
      'reopenProtectionCase',
      'ReopenProtectionCaseInput',
      {
        caseId: thCase,
        reason: 'OTHER',
      },
      legalOfficer,
    );
    expect(codes(refused.errors)).toEqual([{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }]);
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    const missing = await mutate(
      protection.service,
      'closeProtectionCase',
      'CloseProtectionCaseInput',
      {
        caseId: randomUUID(),
        reason: 'OTHER',
      },
    );
    expect(codes(missing.errors)).toEqual([{ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' }]);
  });

  it('refuses a case or victim id that is not a UUID with BAD_USER_INPUT, naming the field', async () => {
    for (const [input, field] of [
      [{ caseId: 'not-a-uuid', reason: 'OTHER' }, 'caseId'],
      [
        { caseId: randomUUID(), beneficiaryId: 'x', step: 'DOCUMENTS', date: '2026-11-01' },
        'beneficiaryId',
      ],
    ] as const) {
      const [mutation, type] =
        field === 'caseId'
          ? ['closeProtectionCase', 'CloseProtectionCaseInput']
          : ['recordRepatriationStep', 'RecordRepatriationStepInput'];
      const refused = await mutate(protection.service, mutation, type, input);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, messages: [`${field} must be a UUID`] }],
      });
    }
  });
});

describe('listing cases', () => {
  it('filters by country, status, form of exploitation, minors and opening time, and pages with cursors', async () => {
    const since = new Date();
    const girl = await registerBeneficiary(protection.service, {
      country: 'MM',
      sex: 'FEMALE',
      minor: true,
    });
    const mmOfficer = officer(['MM'], 'officer-mm');
    const opened: string[] = [];
    for (const form of ['FORCED_MARRIAGE', 'FORCED_MARRIAGE', 'SEXUAL_ABUSE']) {
      opened.push(
        (await openCase(protection.service, { country: 'MM', formOfExploitation: form }, mmOfficer))
          .caseId,
      );
    }
    await addVictim(protection.service, { caseId: opened[1], beneficiaryId: girl }, mmOfficer);
    await ok(
      protection.service,
      'closeProtectionCase',
      'CloseProtectionCaseInput',
      {
        caseId: opened[0],
        reason: 'NO_VICTIM_FOUND',
      },
      mmOfficer,
    );

    const LIST = `
      query ($filter: Boolean, $status: ProtectionCaseStatus, $form: FormOfExploitation, $from: DateTime, $first: Int!, $after: String) {
        protectionCases(country: MM, hasMinors: $filter, status: $status, formOfExploitation: $form, openedFrom: $from, first: $first, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor }
        }
      }`;
    type List = {
      protectionCases: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const list = async (variables: Record<string, unknown>) => {
      const response = await protection.service.graphql<List>(
        LIST,
        { first: 20, from: since, ...variables },
        {},
        {
          as: mmOfficer,
        },
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.protectionCases;
    };
    const ids = async (variables: Record<string, unknown>) =>
      (await list(variables)).edges.map((edge) => edge.node.id);

    expect(await ids({})).toEqual(opened);
    expect(await ids({ filter: true })).toEqual([opened[1]]);
    expect(await ids({ status: 'CLOSED' })).toEqual([opened[0]]);
    expect(await ids({ form: 'FORCED_MARRIAGE', status: 'OPEN' })).toEqual([opened[1]]);
    expect(await ids({ from: new Date(Date.now() + 60_000) })).toEqual([]);

    const page1 = await list({ first: 2 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((edge) => edge.node.id)).toEqual(opened);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });
});
