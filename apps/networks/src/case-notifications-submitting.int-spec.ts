// Submitting a case notification through the networks service's GraphQL API, on a real
// PostgreSQL: the event written and whom it names, retries, input refused with nothing written,
// the kind of place and the date, and who may submit, in which countries.
import { randomUUID } from 'node:crypto';
import { caseNotificationStreamId } from '@haven/networks/contracts';
import {
  WATCHDOG_IDS,
  coordinator,
  watchdog,
  partner,
  protectionOfficer,
  auditor,
  analyst,
  SUBMIT,
  SUBMIT_WITH_RECORD,
  notification,
  errorOf,
  type Payload,
  useNetworksService,
} from './testing/networks-spec-harness';

const networks = useNetworksService();
const { gql, eventCount, streamEvents, submit } = networks;

describe('submitting a case notification', () => {
  it('as a watchdog: one CaseNotificationSubmitted event of structured facts, the actor in its metadata, and the status back', async () => {
    const id = randomUUID();
    const payload = await submit({ id, province: '  Vientiane ' });

    expect(payload).toEqual({ notificationId: id, streamVersion: 1, status: 'SUBMITTED' });
    expect(await streamEvents(caseNotificationStreamId(id))).toEqual([
      {
        type: 'CaseNotificationSubmitted',
        data: {
          notificationId: id,
          reportedBy: 'WATCHDOG',
          // The watchdog's own record, from its token.
          reporterReference: WATCHDOG_IDS['watchdog-1'],
          formOfExploitation: 'SEX_TRAFFICKING',
          placeOfExploitation: null,
          country: 'LA',
          province: 'Vientiane',
          abroad: false,
          destination: null,
          nationality: null,
          possibleVictims: 3,
          minors: 2,
          submittedAt: expect.any(String),
        },
        metadata: expect.objectContaining({
          actorId: WATCHDOG_IDS['watchdog-1'],
          role: 'watchdog',
        }),
      },
    ]);
  });

  it('as a watchdog, the record itself is refused: a watchdog sees the status only', async () => {
    const response = await gql<{ submitCaseNotification: Payload }>(
      SUBMIT_WITH_RECORD,
      { input: notification() },
      watchdog(),
    );
    expect(response.body.data!.submitCaseNotification).toMatchObject({
      status: 'SUBMITTED',
      caseNotification: null,
    });
    expect(errorOf(response)).toMatchObject({
      path: ['submitCaseNotification', 'caseNotification'],
      extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
    });
  });

  it('given the same client id twice, then there is one event and the same answer', async () => {
    const id = randomUUID();
    const first = await submit({ id });
    const again = await submit({ id });
    expect(again).toEqual(first);
    expect(await streamEvents(caseNotificationStreamId(id))).toHaveLength(1);
  });

  it('given a client id already used with other facts, then CONFLICT and nothing written', async () => {
    const id = randomUUID();
    await submit({ id });
    const before = await eventCount();
    const response = await gql(
      SUBMIT,
      { input: notification({ id, possibleVictims: 9 }) },
      watchdog(),
    );
    expect(errorOf(response).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_SUBMITTED',
    });
    expect(await eventCount()).toBe(before);
  });

  it.each([
    [
      'more minors than possible victims',
      { possibleVictims: 2, minors: 3 },
      'MINORS_EXCEED_VICTIMS',
      'minors',
    ],
    [
      'a province abroad',
      { country: 'OTHER', province: 'Dubai' },
      'INVALID_CASE_NOTIFICATION_DATA',
      'province',
    ],
    [
      'a destination for a case at home',
      { country: 'LA', destination: 'TH' },
      'INVALID_CASE_NOTIFICATION_DATA',
      'destination',
    ],
  ])(
    'given %s, then BAD_USER_INPUT naming the field, and nothing written',
    async (_case, input, reason, field) => {
      const before = await eventCount();
      const response = await gql(SUBMIT, { input: notification(input) }, watchdog());
      expect(errorOf(response).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        fields: [expect.objectContaining({ field })],
      });
      expect(await eventCount()).toBe(before);
    },
  );

  it('refuses input class-validator catches (a bad id, a negative count) with BAD_USER_INPUT', async () => {
    for (const input of [{ id: 'nope' }, { minors: -1 }, { possibleVictims: 0 }]) {
      const response = await gql(SUBMIT, { input: notification(input) }, watchdog());
      expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('with the kind of place where it happened: on the event in clear, on the record, and as a filter; a kind outside the list writes nothing', async () => {
    const la = coordinator(['LA']);
    const id = randomUUID();
    await submit({ id, placeOfExploitation: 'MASSAGE_PARLOUR' });
    const [event] = await streamEvents(caseNotificationStreamId(id));
    expect(event.data.placeOfExploitation).toBe('MASSAGE_PARLOUR');
    const one = await gql<{ caseNotification: { placeOfExploitation: string } }>(
      'query ($id: ID!) { caseNotification(id: $id) { placeOfExploitation } }',
      { id },
      la,
    );
    expect(one.body.data!.caseNotification.placeOfExploitation).toBe('MASSAGE_PARLOUR');
    const filtered = await gql<{ caseNotifications: { edges: Array<{ node: { id: string } }> } }>(
      '{ caseNotifications(country: LA, placeOfExploitation: MASSAGE_PARLOUR, first: 100) { edges { node { id } } } }',
      {},
      la,
    );
    expect(filtered.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([id]);

    const before = await eventCount();
    const refused = await gql(
      SUBMIT,
      { input: notification({ placeOfExploitation: 'KARAOKE_ON_MAIN_STREET' }) },
      watchdog(),
    );
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.body.errors![0].message).not.toContain('MAIN_STREET');
    expect(await eventCount()).toBe(before);
  });

  it('abroad, with where and the victims’ nationality: on the event in clear and on the record; a code that is no country writes nothing and quotes nothing', async () => {
    const id = randomUUID();
    const input = notification({
      id,
      country: 'OTHER',
      province: null,
      destination: 'BE',
      nationality: 'TH',
    });
    const submitted = await gql(SUBMIT, { input }, partner('ngo-be'));
    expect(submitted.body.errors).toBeUndefined();
    const [event] = await streamEvents(caseNotificationStreamId(id));
    expect(event.data).toMatchObject({ abroad: true, destination: 'BE', nationality: 'TH' });
    const record = await gql<{ caseNotification: Record<string, unknown> }>(
      'query ($id: ID!) { caseNotification(id: $id) { country destination nationality } }',
      { id },
      coordinator(['OTHER']),
    );
    expect(record.body.data!.caseNotification).toEqual({
      country: 'OTHER',
      destination: 'BE',
      nationality: 'TH',
    });

    const before = await eventCount();
    const refused = await gql(
      SUBMIT,
      { input: { ...input, id: randomUUID(), nationality: 'ZZ' } },
      partner('ngo-be'),
    );
    expect(errorOf(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(refused.body)).not.toContain('ZZ');
    expect(await eventCount()).toBe(before);
  });

  it('dated when it reached the alliance: a call taken last week is dated last week; a date in the future or not a date writes nothing and quotes nothing', async () => {
    const id = randomUUID();
    const lastWeek = new Date(Date.now() - 7 * 86_400_000);
    lastWeek.setUTCMilliseconds(0);
    await submit({ id, notifiedAt: lastWeek.toISOString() });
    const [event] = await streamEvents(caseNotificationStreamId(id));
    expect(event.data.submittedAt).toBe(lastWeek.toISOString());
    const one = await gql<{ caseNotification: { submittedAt: string } }>(
      'query ($id: ID!) { caseNotification(id: $id) { submittedAt } }',
      { id },
      coordinator(['LA']),
    );
    expect(one.body.data!.caseNotification.submittedAt).toBe(lastWeek.toISOString());

    const before = await eventCount();
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const notifiedAt of [nextWeek, '1989-06-01T00:00:00.000Z', 'last-week-marker']) {
      const refused = await gql(SUBMIT, { input: notification({ notifiedAt }) }, watchdog());
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(refused.body.errors)).not.toContain(notifiedAt);
    }
    expect(await eventCount()).toBe(before);
  });

  it('as a partner, it is reported by PARTNER whatever it asks, and another kind is refused', async () => {
    const payload = await submit({}, partner('ngo-be'));
    const { rows } = await networks.sql.query(
      'SELECT reported_by, submitter_organisation_id FROM networks.case_notifications WHERE id = $1',
      [payload.notificationId],
    );
    expect(rows).toEqual([{ reported_by: 'PARTNER', submitter_organisation_id: 'ngo-be' }]);

    const response = await gql(
      SUBMIT,
      { input: notification({ reportedBy: 'WATCHDOG' }) },
      partner('ngo-be'),
    );
    expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('as staff, only in their own countries; and never as a protection officer or analyst', async () => {
    const before = await eventCount();
    const elsewhere = await gql(
      SUBMIT,
      { input: notification({ country: 'LA' }) },
      coordinator(['TH']),
    );
    expect(errorOf(elsewhere).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    for (const as of [protectionOfficer(['LA']), analyst, auditor]) {
      const refused = await gql(SUBMIT, { input: notification() }, as);
      expect(errorOf(refused).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    expect(await eventCount()).toBe(before);

    const own = await submit({ country: 'TH', province: 'Udon Thani' }, coordinator(['TH']));
    const { rows } = await networks.sql.query(
      'SELECT reported_by FROM networks.case_notifications WHERE id = $1',
      [own.notificationId],
    );
    expect(rows).toEqual([{ reported_by: 'STAFF' }]);
  });
});
