import { EMPOWERMENT_UPCASTERS } from './upcasters';

const upcast = (type: string, data: Record<string, unknown>) => {
  const upcaster = EMPOWERMENT_UPCASTERS.find(
    (candidate) => candidate.type === type && candidate.fromSchemaVersion === 1,
  );
  if (!upcaster) throw new Error(`no upcaster for ${type}`);
  return upcaster.upcast(data);
};

describe('empowerment events of schema version 1', () => {
  it('given a stored service of version 1, when it is read, then it is version 2 with nothing new recorded and its facts kept', () => {
    const read = upcast('EmpowermentServiceRecorded', { serviceId: 's-1', kind: 'HEALTH_CHECK' });
    expect(read).toEqual({
      schemaVersion: 2,
      data: {
        serviceId: 's-1',
        kind: 'HEALTH_CHECK',
        nationality: null,
        ageYears: null,
        occupation: null,
        institution: null,
        period: null,
        amount: null,
        sealedPlace: null,
      },
    });
  });

  it('given a stored follow-up of version 1, when it is read, then nationality, age and minor are unknown', () =>
    expect(upcast('FollowUpRecorded', { reached: true }).data).toEqual({
      reached: true,
      nationality: null,
      ageYears: null,
      minor: null,
    }));

  it('given stored enrolments and trainings of version 1, when they are read, then nationality and age are unknown', () => {
    for (const type of ['BeneficiaryEnrolled', 'AgentOfChangeTrainingCompleted']) {
      expect(upcast(type, { minor: true })).toEqual({
        schemaVersion: 2,
        data: { minor: true, nationality: null, ageYears: null },
      });
    }
  });
});
