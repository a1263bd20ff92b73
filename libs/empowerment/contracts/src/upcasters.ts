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

// Version 1 services recorded no occupation, institution, period, amount or place.
const SERVICE_V1_DEFAULTS = {
  ...unknownStatistics,
  occupation: null,
  institution: null,
  period: null,
  amount: null,
  sealedPlace: null,
};
const FOLLOW_UP_V1_DEFAULTS = { ...unknownStatistics, minor: null };

/**
 * `data` with `defaults` for the fields it lacks. Cloned, then filled: V8 clones an object with a
 * spread of its own at a fraction of the cost of `{ ...defaults, ...data }`, which redefines every
 * field of `data` one by one (about 10 µs an event when a projection replays thousands).
 */
function withDefaults(data: Json, defaults: Json): Json {
  const upcast = { ...data };
  for (const key in defaults) if (!(key in upcast)) upcast[key] = defaults[key];
  return upcast;
}

export const EMPOWERMENT_UPCASTERS: readonly EmpowermentUpcaster[] = [
  {
    type: 'BeneficiaryEnrolled',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: withDefaults(data, unknownStatistics) }),
  },
  {
    type: 'EmpowermentServiceRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({
      schemaVersion: 2,
      data: withDefaults(data, SERVICE_V1_DEFAULTS),
    }),
  },
  {
    type: 'FollowUpRecorded',
    fromSchemaVersion: 1,
    upcast: (data) => ({
      schemaVersion: 2,
      data: withDefaults(data, FOLLOW_UP_V1_DEFAULTS),
    }),
  },
  {
    type: 'AgentOfChangeTrainingCompleted',
    fromSchemaVersion: 1,
    upcast: (data) => ({ schemaVersion: 2, data: withDefaults(data, unknownStatistics) }),
  },
];
