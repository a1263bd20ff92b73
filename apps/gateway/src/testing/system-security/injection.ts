// Injection (part of system.security-spec.ts): SQL, script, template and odd Unicode in personal
// fields is data, stored sealed and returned as it was sent, changing what an ordinary
// registration changes; control characters, ill-shaped variables and SQL in arguments are refused.
import { findClearText } from '@haven/platform/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  NO_CALLS,
  onlyError,
  PERSONAL_SELECTION,
  personalDetails,
  personalStrings,
  READ_PERSONAL,
  READ_RECORD,
  REGISTER,
  type HostileSystem,
  type Personal,
} from './system';

/** Personal fields a hostile client might try: each is data, stored and returned as it is. */
const INJECTIONS: Personal[] = [
  {
    givenName: "'); DROP TABLE protection.beneficiaries; --",
    familyName: "' OR '1'='1",
    address: "Robert'); DELETE FROM event_store.events WHERE '1'='1'; --",
    notes: "'; UPDATE privacy.person_keys SET wrapped_key = NULL; SELECT pg_sleep(10); --",
    identityDocumentNumber: 'A1/../../etc/passwd',
    // With a birth date, like the ordinary registration: both then write the same match keys.
    dateOfBirth: '2011-05-17',
  },
  {
    givenName: '<script>alert(1)</script>',
    familyName: "{{constructor.constructor('return 1')()}}",
    address: '<img src=x onerror=alert(document.cookie)> javascript:alert(1)//',
    notes: '${7*7} #{7*7} %s%n%x {"$gt": ""} __proto__[admin]=true',
    dateOfBirth: '2013-07-08',
  },
  {
    givenName: 'Ngọc "Lan" O\u2019Brien-O\'Neil',
    familyName: 'ພອນສະຫວັນ 🌸 \u202Eevil\u202C zero\u200Bwidth',
    address: 'Zürich — "Straße" \'quoted\' `back` \\ /* comment */ ; --',
    notes: 'line one\nline two\tafter a tab, 中文, العربية, emoji 👩‍👧',
    phone: '+66 (0) 81-234.5678',
    dateOfBirth: '2012-02-29',
  },
];
for (const injection of INJECTIONS) personalStrings.push(...Object.values(injection));

export function describeInjectionChecks(haven: () => HostileSystem): void {
  describe('injection: hostile text is data, stored sealed and returned as it was sent', () => {
    let officer: string;

    beforeAll(async () => {
      const { token } = haven();
      officer = await token({ role: 'protection_officer', countries: ['TH'], subject: 'po-inj' });
    });

    /** Registers and reads back (as the officer may), with what it changed in each table. */
    async function registerAndRead(personal: Personal) {
      const { register, rowCounts, viaGateway } = haven();
      const before = await rowCounts();
      const id = await register(officer, { country: 'TH', sex: 'FEMALE', minor: true, personal });
      const read = await viaGateway(
        'allowed personal read',
        officer,
        { query: READ_PERSONAL, variables: { id } },
        { personalRead: true },
      );
      expect(read.body.errors).toBeUndefined();
      const details = (read.body.data!.beneficiary as { personalDetails: Personal })
        .personalDetails;
      const after = await rowCounts();
      const changes = Object.fromEntries(
        Object.keys({ ...before, ...after }).map((table) => [
          table,
          (after[table] ?? NaN) - (before[table] ?? NaN),
        ]),
      );
      return { id, details, changes };
    }

    it.each(INJECTIONS.map((personal, index) => [index, personal] as const))(
      'stores and returns set %i verbatim, changing what an ordinary registration changes',
      async (_index, personal) => {
        const { sql } = haven();
        const ordinary = await registerAndRead(personalDetails());
        // One event, one record, one key, one logged read (and whatever read models follow).
        expect(ordinary.changes).toMatchObject({
          'event_store.events': 1,
          'protection.beneficiaries': 1,
          'privacy.person_keys': 1,
          'privacy.access_log': 1,
        });

        const { id, details, changes } = await registerAndRead(personal);

        const unset = Object.fromEntries(
          PERSONAL_SELECTION.split(' ')
            .filter((field) => field !== 'erased')
            .map((field) => [field, null]),
        );
        expect(details).toEqual({ ...unset, ...personal, erased: false });
        // The same tables, changed by the same number of rows: nothing dropped, deleted or added.
        expect(changes).toEqual(ordinary.changes);
        const { rows: wiped } = await sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM privacy.person_keys WHERE wrapped_key IS NULL',
        );
        expect(wiped[0].n).toBe(0);

        const { rows: events } = await sql.query<{ data: { personal?: Personal } }>(
          'SELECT data FROM event_store.events WHERE stream_id = $1',
          [beneficiaryStreamId(id)],
        );
        expect(events).toHaveLength(1);
        const sealed = events[0].data.personal!;
        expect(Object.keys(sealed).sort()).toEqual(Object.keys(personal).sort());
        for (const value of Object.values(sealed)) {
          for (const clear of Object.values(personal)) expect(value).not.toContain(clear);
        }
        expect(await findClearText(sql, Object.values(personal))).toEqual([]);
      },
    );

    it('refuses control characters and ill-shaped variables without quoting the value', async () => {
      const { rowCounts, subgraphCalls, viaGateway } = haven();
      const before = await rowCounts();
      const personal = personalDetails();
      const nul = await viaGateway('nul byte', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            personal: { ...personal, givenName: `${personal.givenName}\u0000'; --` },
          },
        },
      });
      expect(onlyError(nul)).toMatchObject({
        message: 'Invalid input: givenName must be a single line without control characters.',
        extensions: { code: 'BAD_USER_INPUT' },
      });

      const shaped = await viaGateway('unknown personal field', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            personal: { ...personalDetails(), nickname: personalDetails().givenName },
          },
        },
      });
      // Refused by the gateway itself, as it coerces the variables.
      expect(shaped.status).toBe(400);
      expect(onlyError(shaped)).toMatchObject({
        message: expect.stringMatching(
          /^Variable "\$input" got an invalid value at "input.personal": Field "nickname" is not defined by type "PersonalDetailsInput"\./,
        ),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      // The NUL byte reached protection, which refused it; these two never leave the gateway.
      expect(subgraphCalls()).toEqual({ ...NO_CALLS, protection: 1 });

      const typed = await viaGateway('personal field of the wrong type', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: 'yes',
            personal: { ...personalDetails(), phone: { number: personalDetails().phone } },
          },
        },
      });
      expect(typed.status).toBe(400);
      expect(typed.body.errors).toEqual([
        expect.objectContaining({
          message:
            'Variable "$input" got an invalid value at "input.minor": it does not match the expected type.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
        expect.objectContaining({
          message:
            'Variable "$input" got an invalid value at "input.personal.phone": it does not match the expected type.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      expect(subgraphCalls()).toEqual({ ...NO_CALLS, protection: 1 });
      expect(await rowCounts()).toEqual(before);
      // The answers are scanned with every other one at the end of the file.
    });

    it('refuses SQL in arguments that reach a query', async () => {
      const { adminToken, rowCounts, viaGateway } = haven();
      const before = await rowCounts();
      const probes = [
        { query: READ_RECORD, variables: { id: "' OR '1'='1" } },
        { query: `{ beneficiaries(first: 5, after: "' OR 1=1 --") { edges { node { id } } } }` },
        { query: `{ accessLog(actorId: "x' OR '1'='1") { edges { node { id } } } }` },
      ];
      for (const probe of probes) {
        const reply = await viaGateway('sql in arguments', adminToken, probe);
        expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(Object.values(reply.body.data ?? {}).every((value) => value === null)).toBe(true);
      }
      expect(await rowCounts()).toEqual(before);
    });
  });
}
