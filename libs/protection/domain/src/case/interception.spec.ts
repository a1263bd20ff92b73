// Interceptions: victims stopped on their way, before anyone exploited them (a bride on her way to
// a foreign husband, a girl stopped at a border). Their case says so, may name where they were
// being taken, and has no place of exploitation.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { PROTECTION_UPCASTERS, type ProtectionCaseEvent } from '@haven/protection/contracts';
import { InvalidProtectionCaseData, ProtectionCaseAlreadyOpened } from './errors';
import {
  evolveProtectionCase,
  initialProtectionCaseState,
  protectionCaseDecider,
  type OpenProtectionCase,
} from './protection-case';
import { at, caseId, metadata, opened as ordinaryOpening } from './protection-case-test-fixtures';

const spec = deciderSpecification(protectionCaseDecider);
const open = (data: Partial<OpenProtectionCase['data']> = {}): OpenProtectionCase => ({
  type: 'OpenProtectionCase',
  data: {
    caseId,
    country: 'LA',
    province: null,
    abroad: false,
    intercepted: true,
    destination: 'CN',
    formOfExploitation: 'FORCED_MARRIAGE',
    sourceNotificationId: null,
    ...data,
  },
  metadata,
});
/** Laos's interception of a bride on her way to China, as the decider records it. */
const opened = (data: Record<string, unknown> = {}): ProtectionCaseEvent =>
  ({
    ...ordinaryOpening,
    data: {
      ...ordinaryOpening.data,
      country: 'LA',
      province: null,
      destination: 'CN',
      intercepted: true,
      formOfExploitation: 'FORCED_MARRIAGE',
      ...data,
    },
  }) as ProtectionCaseEvent;

describe('Protection case decider: interceptions in transit', () => {
  it('opens an interception, with where its victims were being taken', () => {
    spec.given([]).when(open()).then([opened()]);
  });

  it('is no interception unless said so', () => {
    spec
      .given([])
      .when(open({ intercepted: undefined, destination: null }))
      .then([opened({ intercepted: false, destination: null })]);
  });

  it('refuses a place of exploitation on an interception, naming the field', () => {
    spec
      .given([])
      .when(open({ placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE' }))
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('placeOfExploitation'),
      );
  });

  it('refuses a destination on a case neither abroad nor intercepted', () => {
    spec
      .given([])
      .when(open({ intercepted: false }))
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('destination'),
      );
  });

  it('refuses an interception flag that is not true or false', () => {
    spec
      .given([])
      .when(open({ intercepted: 'yes' as never }))
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('intercepted'),
      );
  });

  it('takes the same opening as a retry, and the same case as no interception as a conflict', () => {
    spec.given([opened()]).when(open()).then([]);
    spec
      .given([opened()])
      .when(open({ intercepted: false, abroad: true }))
      .thenThrows(ProtectionCaseAlreadyOpened);
  });

  it('reads an opening stored before interceptions were asked as none, with or without its upcaster', () => {
    const { intercepted: _absent, ...v3 } = (opened({ intercepted: false }) as { data: object })
      .data as Record<string, unknown>;
    const state = evolveProtectionCase(initialProtectionCaseState(), {
      type: 'ProtectionCaseOpened',
      schemaVersion: 3,
      data: v3,
    } as unknown as ProtectionCaseEvent);
    expect(state).toMatchObject({ status: 'OPEN', intercepted: false });

    const upcaster = PROTECTION_UPCASTERS.find(
      (each) => each.type === 'ProtectionCaseOpened' && each.fromSchemaVersion === 3,
    )!;
    expect(upcaster.upcast(v3, { recordedAt: new Date(at) })).toEqual({
      schemaVersion: 4,
      data: { ...v3, intercepted: false },
    });
  });
});
