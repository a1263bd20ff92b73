import { randomUUID } from 'node:crypto';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import type { EventMetadata } from '@haven/platform/event-store';
import { PersonalData } from '@haven/platform/nest';
import type { Principal } from '@haven/platform/security';
import { day, useEmpowermentService } from './testing/empowerment-spec-harness';

// What services record beyond their kind (placements, tuition and allowances, safe
// accommodation), the statistical attributes their events carry, and the work list's order.

const empowerment = useEmpowermentService();

const officerTH: Principal = {
  subject: 'officer-th-details',
  role: 'empowerment_officer',
  countries: ['TH'],
  organisationId: null,
};
const protectionTH: Principal = { ...officerTH, subject: 'prot-th', role: 'protection_officer' };
const metadata: EventMetadata = {
  actorId: 'staff-1',
  role: 'admin',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};

const SERVICE = `mutation ($input: RecordEmpowermentServiceInput!) {
  recordEmpowermentService(input: $input) {
    id node { id kind partnerOrganisationId occupation institution period { from to } amount { amountMinor currency } }
  }
}`;

/** A consenting girl, 15 and Burmese when protection registered her a year ago. */
async function enrolled(
  as: Principal = officerTH,
): Promise<{ enrolmentId: string; beneficiaryId: string }> {
  const beneficiaryId = await empowerment.registerBeneficiary({
    nationality: 'MM',
    registeredOn: day(-400),
    consentOn: day(-400),
  });
  const enrolmentId = await empowerment.enrol(beneficiaryId, as, day(-30));
  return { enrolmentId, beneficiaryId };
}

describe('what a service records', () => {
  it('given an employer networks has not registered, when a placement names it, then it is refused; once registered on the log, the placement and occupation are recorded', async () => {
    const { enrolmentId } = await enrolled();
    const employerId = randomUUID();
    const placement = {
      enrolmentId,
      kind: 'JOB_PLACEMENT',
      partnerOrganisationId: employerId,
      occupation: 'Sewing machine operator',
      providedOn: day(-2),
    };
    const refused = await empowerment.service.graphql(
      SERVICE,
      { input: placement },
      {},
      { as: officerTH },
    );
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'EMPLOYER_UNKNOWN',
    });
    expect(await empowerment.streamLength(enrolmentId)).toBe(1);

    await empowerment.store.append(
      `partnerorganisation-${employerId}`,
      [
        {
          type: 'PartnerOrganisationRegistered',
          data: {
            partnerOrganisationId: employerId,
            name: 'Mae Sai Garments',
            kind: 'BUSINESS',
            country: 'TH',
            registeredAt: `${day(-100)}T00:00:00.000Z`,
          },
          metadata,
        },
      ],
      'no_stream',
    );
    await empowerment.caughtUp();
    const recorded = await empowerment.service.graphql(
      SERVICE,
      { input: placement },
      {},
      { as: officerTH },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordEmpowermentService).toMatchObject({
      node: {
        kind: 'JOB_PLACEMENT',
        partnerOrganisationId: employerId,
        occupation: 'Sewing machine operator',
      },
    });
    const noOccupation = await empowerment.service.graphql(
      SERVICE,
      { input: { ...placement, occupation: null } },
      {},
      { as: officerTH },
    );
    expect(noOccupation.body.errors?.[0].extensions?.reason).toBe('OCCUPATION_MISSING');
  });

  it('records a term’s tuition with its institution, period and amount, and refuses a zero amount or a period backwards, writing nothing', async () => {
    const { enrolmentId } = await enrolled();
    const tuition = {
      enrolmentId,
      kind: 'TUITION_FEES',
      institution: 'Chiang Rai Vocational College',
      period: { from: day(-1), to: day(120) },
      amount: { amountMinor: 1_250_000, currency: 'THB' },
      providedOn: day(-1),
    };
    const recorded = await empowerment.service.graphql(
      SERVICE,
      { input: tuition },
      {},
      { as: officerTH },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordEmpowermentService).toMatchObject({
      node: {
        institution: 'Chiang Rai Vocational College',
        period: { from: day(-1), to: day(120) },
        amount: { amountMinor: 1_250_000, currency: 'THB' },
      },
    });
    // Her nationality and age on the day travel in clear for the report (ADR 21), version 2.
    const stored = (await empowerment.store.readStream(enrolmentStreamId(enrolmentId))).at(-1);
    expect(stored).toMatchObject({
      schemaVersion: 2,
      data: { nationality: 'MM', ageYears: 16, minor: true },
    });

    const bad: Array<[Record<string, unknown>, string]> = [
      [{ amount: { amountMinor: 0, currency: 'THB' } }, 'BAD_USER_INPUT'],
      [{ period: { from: day(120), to: day(-1) } }, 'PERIOD_OUT_OF_ORDER'],
      [{ kind: 'LIVING_ALLOWANCE', institution: null }, 'SUPPORT_INCOMPLETE'],
      [{ institution: 'x'.repeat(500) }, 'BAD_USER_INPUT'],
    ];
    for (const [change, expected] of bad) {
      const response = await empowerment.service.graphql(
        SERVICE,
        { input: { ...tuition, ...change } },
        {},
        { as: officerTH },
      );
      const extensions = response.body.errors?.[0].extensions;
      expect([extensions?.code, extensions?.reason]).toContain(expected);
      expect(JSON.stringify(response.body.errors)).not.toMatch(/xxxxxxxx|Chiang Rai/);
    }
    expect(await empowerment.streamLength(enrolmentId)).toBe(2);
  });

  it('seals a safe accommodation’s place with her key, opens it for officers through the access log, refuses it to protection officers, and loses it with her', async () => {
    const { enrolmentId, beneficiaryId } = await enrolled();
    const place = `Safe house ${randomUUID()}, Soi 7, Mae Sai`;
    const recorded = await empowerment.service.graphql(
      SERVICE,
      {
        input: {
          enrolmentId,
          kind: 'SAFE_ACCOMMODATION',
          place,
          period: { from: day(-20), to: day(40) },
          providedOn: day(-20),
        },
      },
      {},
      { as: officerTH },
    );
    expect(recorded.body.errors).toBeUndefined();
    const id = (recorded.body.data?.recordEmpowermentService as { id: string }).id;
    expect(
      JSON.stringify(await empowerment.store.readStream(enrolmentStreamId(enrolmentId))),
    ).not.toContain('Soi 7');
    const PLACE = `query ($id: ID) { empowermentRecords(enrolmentId: $id) { edges { node { id period { from to } place } } } }`;
    const placeAs = async (principal: Principal) =>
      empowerment.service.graphql<{
        empowermentRecords: { edges: Array<{ node: { id: string; place: string | null } }> };
      }>(PLACE, { id: enrolmentId }, {}, { as: principal });
    const opened = await placeAs(officerTH);
    expect(opened.body.data?.empowermentRecords.edges.find((e) => e.node.id === id)?.node).toEqual({
      id,
      period: { from: day(-20), to: day(40) },
      place,
    });
    const logged = await empowerment.sql.query(
      `SELECT 1 FROM privacy.access_log WHERE record_type = 'EmpowermentService' AND record_id = $1`,
      [id],
    );
    expect(logged.rowCount).toBe(1);
    expect((await placeAs(protectionTH)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await empowerment.service.app.get(PersonalData).keys.destroy(beneficiaryId);
    const erased = await placeAs(officerTH);
    expect(erased.body.data?.empowermentRecords.edges[0].node.place).toBeNull();
    expect(empowerment.service.rawLogs()).not.toContain('Soi 7');
  });
});

describe('the work list', () => {
  it('given two follow-ups due this week, the later one enrolled first, then the earliest due comes first, page by page', async () => {
    const officer = { ...officerTH, subject: `officer-${randomUUID()}` };
    const dueOn = [day(5), day(2)];
    const enrolments: string[] = [];
    for (const next of dueOn) {
      // The officer who enrols is the one whose list it is on.
      const { enrolmentId } = await enrolled(officer);
      const followUp = await empowerment.service.graphql(
        `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`,
        {
          input: {
            enrolmentId,
            channel: 'PHONE',
            reached: true,
            followedUpOn: day(-1),
            nextFollowUpOn: next,
          },
        },
        {},
        { as: officer },
      );
      expect(followUp.body.errors).toBeUndefined();
      enrolments.push(enrolmentId);
    }
    const LIST = `query ($officerId: String, $after: String) {
      followUpWorkList(list: DUE_THIS_WEEK, country: TH, officerId: $officerId, first: 1, after: $after) {
        edges { node { id nextFollowUpOn } } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      followUpWorkList: {
        edges: Array<{ node: { id: string; nextFollowUpOn: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await empowerment.service.graphql<Page>(
      LIST,
      { officerId: officer.subject },
      {},
      { as: officer },
    );
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.followUpWorkList.edges.map((e) => e.node)).toEqual([
      { id: enrolments[1], nextFollowUpOn: day(2) },
    ]);
    expect(first.body.data?.followUpWorkList.pageInfo.hasNextPage).toBe(true);
    const second = await empowerment.service.graphql<Page>(
      LIST,
      { officerId: officer.subject, after: first.body.data?.followUpWorkList.pageInfo.endCursor },
      {},
      { as: officer },
    );
    expect(second.body.data?.followUpWorkList.edges.map((e) => e.node)).toEqual([
      { id: enrolments[0], nextFollowUpOn: day(5) },
    ]);
    expect(second.body.data?.followUpWorkList.pageInfo.hasNextPage).toBe(false);
  });
});
