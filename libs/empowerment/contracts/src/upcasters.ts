/**
 * Empowerment's stored events of schema version 1, read as version 2 (ADR 17, addendum; ADR 21).
 * Every service that reads these attributes registers them (`database.upcasters`): empowerment
 * itself and reports. Stored events are never rewritten.
 *
 * Shaped like the event store's `Upcaster` (contracts depend on no platform library).
 */
type Json = { [key: string]: unknown };

export interface EmpowermentUpcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: Json): { schemaVersion: number; data: Json };
}

/** Version 1 knew neither nationality nor age: for statistics they are unknown. */
const unknownStatistics = { nationality: null, ageYears: null };

export const EMPOWERMENT_UPCASTERS: readonly EmpowermentUpcaster[] = [
  {
    type: 'BeneficiaryEnrolled',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { ...unknownStatistics, ...data } }),
  },
  {
    // Version 1 services recorded no occupation, institution, period, amount or place.
    type: 'EmpowermentServiceRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({
      schemaVersion: 2,
      data: {
        ...unknownStatistics,
        occupation: null,
        institution: null,
        period: null,
        amount: null,
        sealedPlace: null,
        ...data,
      },
    }),
  },
  {
    type: 'FollowUpRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { ...unknownStatistics, minor: null, ...data } }),
  },
  {
    type: 'AgentOfChangeTrainingCompleted',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: { ...unknownStatistics, ...data } }),
  },
];
