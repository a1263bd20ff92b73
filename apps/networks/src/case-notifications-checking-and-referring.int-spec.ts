// Checking and referring a case notification through the networks service's GraphQL API, on a
// real PostgreSQL: validating, rejecting, marking a duplicate and referring, the domain's rules
// surfacing as CONFLICT with nothing written, and who may decide, in which countries.
import { randomUUID } from 'node:crypto';
import { caseNotificationStreamId } from '@haven/networks/contracts';
import {
  coordinator,
  watchdog,
  partner,
  protectionOfficer,
  auditor,
  countryManager,
  VALIDATE,
  REJECT,
  DUPLICATE,
  REFER,
  errorOf,
  useNetworksService,
} from './testing/networks-spec-harness';

const { eventCount, streamEvents, submit, decide } = useNetworksService();

describe('checking and referring a case notification', () => {
  const la = coordinator(['LA']);

  it('validated, then referred by an LA coordinator: CaseNotificationReferred is appended with the contract’s shape, once', async () => {
    const { notificationId } = await submit({ possibleVictims: 5, minors: 4 });

    const validated = await decide(VALIDATE, { notificationId }, la);
    expect(validated.body.errors).toBeUndefined();
    expect(validated.body.data!.validateCaseNotification).toMatchObject({
      notificationId,
      streamVersion: 2,
      status: 'VALIDATED',
      caseNotification: { id: notificationId, status: 'VALIDATED', decidedAt: expect.any(String) },
    });

    const referred = await decide(REFER, { notificationId }, la);
    expect(referred.body.errors).toBeUndefined();
    expect(referred.body.data!.referCaseNotification).toMatchObject({
      streamVersion: 3,
      status: 'REFERRED',
      caseNotification: { status: 'REFERRED', referredAt: expect.any(String) },
    });
    const events = await streamEvents(caseNotificationStreamId(notificationId));
    expect(events.map(({ type }) => type)).toEqual([
      'CaseNotificationSubmitted',
      'CaseNotificationValidated',
      'CaseNotificationReferred',
    ]);
    expect(events[2].data).toEqual({
      notificationId,
      country: 'LA',
      province: 'Vientiane',
      abroad: false,
      destination: null,
      formOfExploitation: 'SEX_TRAFFICKING',
      placeOfExploitation: null,
      possibleVictims: 5,
      minors: 4,
      reportedBy: 'WATCHDOG',
      referredAt: expect.any(String),
    });
    expect(events[2].metadata).toMatchObject({ actorId: la.subject, role: 'network_coordinator' });

    const before = await eventCount();
    const again = await decide(REFER, { notificationId }, la);
    expect(errorOf(again).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_REFERRED',
    });
    expect(await eventCount()).toBe(before);
  });

  it('a rejected notification cannot be referred: CONFLICT, and no event written', async () => {
    const { notificationId } = await submit();
    const rejected = await decide(REJECT, { notificationId, reason: 'NOT_VERIFIABLE' }, la);
    expect(rejected.body.data!.rejectCaseNotification).toMatchObject({
      status: 'REJECTED',
      caseNotification: { rejectionReason: 'NOT_VERIFIABLE' },
    });

    const before = await eventCount();
    const response = await decide(REFER, { notificationId }, la);
    expect(response.body.data).toBeNull();
    expect(errorOf(response)).toMatchObject({
      message: expect.stringContaining('rejected'),
      extensions: { code: 'CONFLICT', reason: 'CASE_NOTIFICATION_REJECTED' },
    });
    expect(await eventCount()).toBe(before);
    expect(await streamEvents(caseNotificationStreamId(notificationId))).toHaveLength(2);
  });

  it('a notification not validated yet cannot be referred, and a decided one not validated again', async () => {
    const { notificationId } = await submit();
    const early = await decide(REFER, { notificationId }, la);
    expect(errorOf(early).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_NOT_VALIDATED',
    });
    await decide(VALIDATE, { notificationId }, la);
    const twice = await decide(REJECT, { notificationId, reason: 'NOT_A_CASE' }, la);
    expect(errorOf(twice).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_NOT_SUBMITTED',
    });
  });

  it('a duplicate points at a notification the coordinator may see, never at itself; a duplicate cannot be referred', async () => {
    const original = await submit();
    const { notificationId } = await submit();

    const itself = await decide(DUPLICATE, { notificationId, duplicateOf: notificationId }, la);
    expect(errorOf(itself).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DUPLICATE_OF_ITSELF',
      fields: [expect.objectContaining({ field: 'duplicateOf' })],
    });
    const thai = await submit({ country: 'TH', province: 'Nong Khai' });
    const hidden = await decide(
      DUPLICATE,
      { notificationId, duplicateOf: thai.notificationId },
      la,
    );
    expect(errorOf(hidden).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ORIGINAL_NOTIFICATION_NOT_FOUND',
    });

    const marked = await decide(
      DUPLICATE,
      { notificationId, duplicateOf: original.notificationId },
      la,
    );
    expect(marked.body.data!.markCaseNotificationDuplicate).toMatchObject({
      status: 'DUPLICATE',
      caseNotification: { duplicateOf: original.notificationId },
    });
    const refer = await decide(REFER, { notificationId }, la);
    expect(errorOf(refer).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_DUPLICATE',
    });
  });

  it('an unknown notification is NOT_FOUND', async () => {
    const response = await decide(VALIDATE, { notificationId: randomUUID() }, la);
    expect(errorOf(response).extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'CASE_NOTIFICATION_NOT_FOUND',
    });
  });

  it('a TH coordinator cannot validate an LA notification; a watchdog, partner or protection officer cannot validate at all; nothing is written', async () => {
    const { notificationId } = await submit();
    const before = await eventCount();

    const th = await decide(VALIDATE, { notificationId }, coordinator(['TH']));
    expect(th.body.data).toBeNull();
    expect(errorOf(th).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    for (const as of [watchdog(), partner('ngo-be'), protectionOfficer(['LA']), auditor]) {
      for (const [mutation, input] of [
        [VALIDATE, { notificationId }],
        [REJECT, { notificationId, reason: 'OTHER' }],
        [REFER, { notificationId }],
      ] as const) {
        const response = await decide(mutation, input, as);
        expect(errorOf(response).extensions).toEqual({
          code: 'FORBIDDEN',
          reason: 'ROLE_NOT_ALLOWED',
        });
      }
    }
    expect(await eventCount()).toBe(before);

    const manager = await decide(VALIDATE, { notificationId }, countryManager(['LA']));
    expect(manager.body.data!.validateCaseNotification.status).toBe('VALIDATED');
  });
});
