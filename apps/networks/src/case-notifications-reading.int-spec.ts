// Reading case notifications through the networks service's GraphQL API, on a real PostgreSQL:
// what a watchdog, partner, protection officer, analyst, auditor and coordinator may read, by
// country and organisation, and the list's filters and cursors.
import type { GraphQLResponse } from '@haven/platform/nest/testing';
import {
  coordinator,
  watchdog,
  partner,
  protectionOfficer,
  auditor,
  analyst,
  VALIDATE,
  REJECT,
  ONE,
  LIST,
  MINE,
  errorOf,
  type ListPage,
  useNetworksService,
} from './testing/networks-spec-harness';

const { gql, submit, decide } = useNetworksService();

describe('reading case notifications', () => {
  it('a watchdog reads the status of its own submissions only, and never the records', async () => {
    const mine = await submit({}, watchdog('watchdog-reader'));
    await submit({}, watchdog('watchdog-other'));
    await decide(
      REJECT,
      { notificationId: mine.notificationId, reason: 'NOT_A_CASE' },
      coordinator(['LA']),
    );

    const response = await gql<{ myCaseNotifications: { edges: Array<{ node: unknown }> } }>(
      MINE,
      {},
      watchdog('watchdog-reader'),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.myCaseNotifications.edges).toEqual([
      { node: { id: mine.notificationId, status: 'REJECTED', submittedAt: expect.any(String) } },
    ]);

    for (const [query, variables] of [
      [LIST, {}],
      [ONE, { id: mine.notificationId }],
    ] as const) {
      const refused = await gql(query, variables, watchdog('watchdog-reader'));
      expect(errorOf(refused).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const rejectionReason = await gql(
      `{ myCaseNotifications { edges { node { id rejectionReason } } } }`,
      {},
      watchdog('watchdog-reader'),
    );
    expect(errorOf(rejectionReason).extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('a partner reads its own organisation’s notifications, not another’s', async () => {
    const own = await submit({ country: 'TH', province: 'Chiang Rai' }, partner('ngo-own'));
    const others = await submit({ country: 'TH', province: 'Chiang Rai' }, partner('ngo-other'));

    const list = await gql<ListPage>(LIST, {}, partner('ngo-own'));
    expect(list.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      own.notificationId,
    ]);
    const one = await gql(ONE, { id: own.notificationId }, partner('ngo-own'));
    expect(one.body.errors).toBeUndefined();
    const refused = await gql(ONE, { id: others.notificationId }, partner('ngo-own'));
    expect(errorOf(refused).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
  });

  it('a protection officer reads its countries’ notifications; an analyst none', async () => {
    const la = await submit({ country: 'LA' });
    const mm = await submit({ country: 'MM', province: 'Shan' });
    const officer = protectionOfficer(['LA']);

    const one = await gql<{ caseNotification: { id: string } }>(
      ONE,
      { id: la.notificationId },
      officer,
    );
    expect(one.body.data!.caseNotification.id).toBe(la.notificationId);
    const out = await gql(ONE, { id: mm.notificationId }, officer);
    expect(errorOf(out).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const list = await gql<ListPage>(LIST, { first: 100 }, officer);
    expect(list.body.data!.caseNotifications.edges.every(({ node }) => node.country === 'LA')).toBe(
      true,
    );

    const none = await gql(LIST, {}, analyst);
    expect(errorOf(none).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('a notification abroad (OTHER) is reached by admins, auditors and coordinators whose token names OTHER, not by the others', async () => {
    const abroad = await submit(
      { country: 'OTHER', province: null, formOfExploitation: 'FORCED_MARRIAGE' },
      partner('ngo-be'),
    );
    const record = await gql<{ caseNotification: { abroad: boolean; province: null } }>(
      ONE,
      { id: abroad.notificationId },
      auditor,
    );
    expect(record.body.data!.caseNotification).toMatchObject({ abroad: true, province: null });

    const th = await gql(ONE, { id: abroad.notificationId }, coordinator(['TH']));
    expect(errorOf(th).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const withOther = await decide(
      VALIDATE,
      { notificationId: abroad.notificationId },
      coordinator(['TH', 'OTHER']),
    );
    expect(withOther.body.data!.validateCaseNotification.status).toBe('VALIDATED');
  });

  it('filters by country, status, form of exploitation, minors and time, and pages with cursors', async () => {
    const from = new Date().toISOString();
    const ids: string[] = [];
    for (const minors of [0, 1, 0, 2, 1]) {
      ids.push(
        (
          await submit({
            country: 'VN',
            province: null,
            minors,
            formOfExploitation: 'FORCED_SURROGACY',
          })
        ).notificationId,
      );
    }
    await submit({ country: 'VN', province: null, formOfExploitation: 'SEXUAL_ABUSE' });
    await decide(VALIDATE, { notificationId: ids[3] }, coordinator(['VN']));

    const filter = { country: 'VN', formOfExploitation: 'FORCED_SURROGACY', from };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: GraphQLResponse<ListPage> = await gql<ListPage>(
        LIST,
        { ...filter, first: 2, after },
        coordinator(['VN']),
      );
      expect(response.body.errors).toBeUndefined();
      const { edges, pageInfo } = response.body.data!.caseNotifications;
      seen.push(...edges.map(({ node }) => node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    const withMinors = await gql<ListPage>(
      LIST,
      { ...filter, hasMinors: true },
      coordinator(['VN']),
    );
    expect(withMinors.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      ids[1],
      ids[3],
      ids[4],
    ]);
    const validated = await gql<ListPage>(
      LIST,
      { ...filter, status: 'VALIDATED' },
      coordinator(['VN']),
    );
    expect(validated.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      ids[3],
    ]);
    const before = await gql<ListPage>(LIST, { country: 'VN', to: from }, coordinator(['VN']));
    expect(before.body.data!.caseNotifications.edges).toEqual([]);
    const elsewhere = await gql<ListPage>(LIST, { country: 'VN' }, coordinator(['TH']));
    expect(elsewhere.body.data!.caseNotifications.edges).toEqual([]);

    const forged = await gql(
      LIST,
      { after: Buffer.from('watchdog:1').toString('base64url') },
      coordinator(['VN']),
    );
    expect(errorOf(forged).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
