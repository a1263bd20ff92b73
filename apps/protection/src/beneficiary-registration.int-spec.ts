// Registering a beneficiary through protection's GraphQL API, on a real PostgreSQL: the event it
// appends and the record it returns, reference codes, registering again with a client id (once or
// many at a time), and the refusals of a conflict or an invalid input, which write nothing.
import { randomUUID } from 'node:crypto';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { useProtectionService } from './testing/protection-spec-harness';

const protection = useProtectionService();
const { register, referenceCodeOf, counts } = protection;

describe('registering a beneficiary', () => {
  it('appends one BeneficiaryRegistered event with the request metadata and returns the beneficiary as queries show it', async () => {
    const response = await register(
      { country: 'TH', sex: 'FEMALE', minor: true },
      { 'x-correlation-id': 'case-intake-42' },
    );

    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data!.registerBeneficiary!;
    expect(payload.streamVersion).toBe(1);
    expect(payload.beneficiary).toEqual({
      id: payload.beneficiaryId,
      referenceCode: expect.stringMatching(/^BEN-TH-\d{6}$/),
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      registeredAt: expect.any(String),
    });

    const { rows: events } = await protection.sql.query(
      'SELECT type, data, metadata FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(payload.beneficiaryId)],
    );
    expect(events).toEqual([
      {
        type: 'BeneficiaryRegistered',
        data: {
          beneficiaryId: payload.beneficiaryId,
          referenceCode: payload.beneficiary!.referenceCode,
          country: 'TH',
          sex: 'FEMALE',
          minor: true,
          // Schema version 2: the statistical attributes, unknown when not given (ADR 21).
          nationality: null,
          ageYears: null,
          // Schema version 3: the day of registration, today when not given.
          registeredOn: payload.beneficiary!.registeredAt.slice(0, 10),
          registeredAt: payload.beneficiary!.registeredAt,
        },
        metadata: expect.objectContaining({
          correlationId: 'case-intake-42',
          actorId: 'test-admin',
          role: 'admin',
          causationId: null,
        }),
      },
    ]);

    const query = await protection.service.graphql<{ beneficiary: unknown }>(
      'query ($id: ID!) { beneficiary(id: $id) { id referenceCode country sex minor registeredAt } }',
      { id: payload.beneficiaryId },
    );
    expect(query.body).toEqual({ data: { beneficiary: payload.beneficiary } });
  });

  it('gives each beneficiary its own reference code', async () => {
    const codes = await Promise.all(
      ['LA', 'LA', 'MM'].map(async (country) => {
        const response = await register({ country, sex: 'UNKNOWN', minor: false });
        const { beneficiaryId, beneficiary } = response.body.data!.registerBeneficiary!;
        // The payload's record is null when the read model has not caught up within its wait
        // (a busy machine): read it once it has.
        return beneficiary?.referenceCode ?? (await referenceCodeOf(beneficiaryId));
      }),
    );
    expect(new Set(codes).size).toBe(3);
    expect(codes.filter((code) => code.startsWith('BEN-LA-'))).toHaveLength(2);
  });

  it('given a client id, when the same registration is sent twice, then there is one event and the same beneficiary both times', async () => {
    const id = randomUUID();
    const input = { id, country: 'VN', sex: 'MALE', minor: true };
    const first = await register(input);
    const again = await register(input);

    expect(again.body.data).toEqual(first.body.data);
    expect(first.body.data!.registerBeneficiary!.beneficiaryId).toBe(id);
    const { rows } = await protection.sql.query(
      'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('given a client id, when the same registration is sent 6 times at once, then all get the same beneficiary and there is one event (conflicts are retried)', async () => {
    const id = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => register({ id, country: 'LA', sex: 'FEMALE', minor: true })),
    );
    for (const response of responses) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(responses[0].body.data);
    }
    const { rows } = await protection.sql.query(
      'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('given a registered id, when it is registered with other facts, then it fails with CONFLICT and appends nothing', async () => {
    const id = randomUUID();
    await register({ id, country: 'TH', sex: 'FEMALE', minor: false });
    const before = await counts();

    const response = await register({ id, country: 'LA', sex: 'FEMALE', minor: false });

    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('already registered'),
        extensions: { code: 'CONFLICT', reason: 'BENEFICIARY_ALREADY_REGISTERED' },
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an id that is not a UUID', { id: 'not-a-uuid', country: 'TH', sex: 'FEMALE', minor: true }],
    ['an unknown country', { country: 'FR', sex: 'FEMALE', minor: true }],
    ['a missing field', { country: 'TH', sex: 'FEMALE' }],
  ])('given %s, then it fails with BAD_USER_INPUT and writes nothing', async (_case, input) => {
    const before = await counts();

    const response = await register(input);

    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(response.body.errors![0].message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('names the invalid field of a class-validator failure, without a stack trace', async () => {
    const response = await register({ id: 'nope', country: 'TH', sex: 'FEMALE', minor: true });
    expect(response.body.errors).toEqual([
      {
        message: 'Invalid input: id must be a UUID.',
        locations: expect.any(Array),
        path: ['registerBeneficiary'],
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'id', messages: ['id must be a UUID'] }],
        },
      },
    ]);
  });
});
