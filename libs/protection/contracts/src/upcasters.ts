/**
 * Protection's stored events of earlier schema versions, read as the current ones. Every service
 * whose store reads these events registers them (`database.upcasters`): protection itself, and
 * whoever follows its contracts (reports). Stored events are never rewritten (ADR 21).
 *
 * Shaped like the event store's `Upcaster` (contracts depend on no platform library).
 */
type Json = { [key: string]: unknown };

export interface ContractUpcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: Json, event: { recordedAt: Date }): { schemaVersion: number; data: Json };
}

/** The calendar day (UTC) of an ISO instant, or of when the event was recorded. */
function dayOf(instant: unknown, event: { recordedAt: Date }): string {
  const parsed = typeof instant === 'string' ? new Date(instant) : event.recordedAt;
  return (Number.isNaN(parsed.getTime()) ? event.recordedAt : parsed).toISOString().slice(0, 10);
}

export const PROTECTION_UPCASTERS: readonly ContractUpcaster[] = [
  {
    // v1 held nationality and age only sealed: for statistics they are unknown.
    type: 'BeneficiaryRegistered',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { nationality: null, ageYears: null, ...data } }),
  },
  {
    // v2 had no day of the fact: the recording day stands in.
    type: 'BeneficiaryRegistered',
    fromSchemaVersion: 2,
    upcast: (data, event) => ({
      schemaVersion: 3,
      data: { registeredOn: dayOf(data.registeredAt, event), ...data },
    }),
  },
  {
    // v1 had no day of opening (the recording day stands in) and no place abroad.
    type: 'ProtectionCaseOpened',
    fromSchemaVersion: 1,
    upcast: (data, event) => ({
      schemaVersion: 2,
      data: { destination: null, openedOn: dayOf(data.openedAt, event), ...data },
    }),
  },
  {
    // v2 cases did not say where the exploitation happened.
    type: 'ProtectionCaseOpened',
    fromSchemaVersion: 2,
    upcast: (data) => ({ schemaVersion: 3, data: { placeOfExploitation: null, ...data } }),
  },
  {
    // v3 cases were never interceptions: every one of them recorded victims already exploited.
    type: 'ProtectionCaseOpened',
    fromSchemaVersion: 3,
    upcast: (data) => ({ schemaVersion: 4, data: { intercepted: false, ...data } }),
  },
  {
    type: 'VictimAddedToCase',
    fromSchemaVersion: 1,
    upcast: (data, event) => ({
      schemaVersion: 2,
      data: {
        sex: null,
        nationality: null,
        ageYears: null,
        addedOn: dayOf(data.addedAt, event),
        ...data,
      },
    }),
  },
  {
    // v1 rescues all took place somewhere physical.
    type: 'RescueOperationRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { online: false, ...data } }),
  },
  {
    // v2 rescues counted the victims they named.
    type: 'RescueOperationRecorded',
    fromSchemaVersion: 2,
    upcast: (data) => ({
      schemaVersion: 3,
      data: {
        personsRescued: Array.isArray(data.rescuedBeneficiaryIds)
          ? data.rescuedBeneficiaryIds.length
          : 0,
        ...data,
      },
    }),
  },
  {
    // v1 contacts answered for the whole case.
    type: 'GuardianContactRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { beneficiaryId: null, ...data } }),
  },
  {
    // v2 contacts had no day of the fact: the recording day stands in.
    type: 'GuardianContactRecorded',
    fromSchemaVersion: 2,
    upcast: (data, event) => ({
      schemaVersion: 3,
      data: { contactedOn: dayOf(data.recordedAt, event), ...data },
    }),
  },
  {
    type: 'ProtectionCaseReopened',
    fromSchemaVersion: 1,
    upcast: (data, event) => ({
      schemaVersion: 2,
      data: { reopenedOn: dayOf(data.reopenedAt, event), ...data },
    }),
  },
  {
    type: 'ProtectionCaseClosed',
    fromSchemaVersion: 1,
    upcast: (data, event) => ({
      schemaVersion: 2,
      data: { closedOn: dayOf(data.closedAt, event), ...data },
    }),
  },
];
