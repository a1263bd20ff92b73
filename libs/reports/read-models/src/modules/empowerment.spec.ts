import { empowermentModule } from './empowerment';
import { book, recorded } from './module-testing';

// Empowerment's share of the annual report: the shelters where anyone was served, counted without
// keeping where victims stay.

const enrolmentId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e41';
const of = { enrolmentId, beneficiaryId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e42', country: 'TH' };
const shelter = (shelterName: string, governmentRun: boolean | null) => ({
  kind: 'SHELTER',
  shelterName,
  governmentRun,
  province: null,
  district: null,
});
const enrolled = recorded('BeneficiaryEnrolled', {
  ...of,
  sex: 'FEMALE',
  minor: true,
  nationality: 'LA',
  ageYears: 15,
  setting: shelter('Kredtrakarn Protection and Occupational Development Centre', true),
  enrolledOn: '2020-01-10',
});
const service = (providedOn: string) =>
  recorded('EmpowermentServiceRecorded', {
    ...of,
    serviceId: providedOn,
    kind: 'COUNSELLING',
    minor: true,
    nationality: 'LA',
    ageYears: 15,
    providedOn,
  });

describe('the empowerment report module: shelters served', () => {
  it('given services in a government shelter, then the shelter counts once a year, by who runs it, under a hash of its name', () => {
    const subjects = book();
    const facts = [
      enrolled,
      service('2020-02-01'),
      service('2020-03-01'),
      service('2021-01-05'),
    ].flatMap((event) => empowermentModule.factsOf(event, subjects));
    const shelters = facts.filter((fact) => fact.kind === 'shelter');
    expect(shelters.map((fact) => [fact.occurredOn, fact.attributes])).toEqual([
      ['2020-02-01', { operator: 'GOVERNMENT' }],
      ['2021-01-05', { operator: 'GOVERNMENT' }],
    ]);
    expect(new Set(shelters.map((fact) => fact.subjectId)).size).toBe(1);
    // Where she stays is never a fact: only a hash that names no place.
    expect(JSON.stringify(facts)).not.toMatch(/Kredtrakarn/i);
  });

  it('given the same shelter written with other spacing and case, then it is the same shelter; another is another', () => {
    const subjectOf = (name: string) => {
      const subjects = book();
      empowermentModule.factsOf(
        recorded('BeneficiaryEnrolled', {
          ...(enrolled.data as object),
          setting: shelter(name, false),
        }),
        subjects,
      );
      return empowermentModule
        .factsOf(service('2020-02-01'), subjects)
        .find((fact) => fact.kind === 'shelter')!.subjectId;
    };
    expect(subjectOf('  A  Fictional shelter ')).toBe(subjectOf('a fictional shelter'));
    expect(subjectOf('Another shelter')).not.toBe(subjectOf('a fictional shelter'));
  });

  it('given a move home to her community, then her services there count no shelter', () => {
    const subjects = book();
    const moved = recorded('EnrolmentSettingChanged', {
      ...of,
      setting: { kind: 'COMMUNITY', shelterName: null, governmentRun: null, province: 'Loei' },
      changedOn: '2020-02-15',
    });
    const facts = [enrolled, moved, service('2020-03-01')].flatMap((event) =>
      empowermentModule.factsOf(event, subjects),
    );
    expect(facts.filter((fact) => fact.kind === 'shelter')).toEqual([]);
  });
});

describe('the empowerment report module: career alternatives', () => {
  it('given a small grant, tuition and a vocational course for one girl, then each is a line of support for her, and counselling none', () => {
    const subjects = book();
    const withKind = (kind: string, providedOn: string) =>
      recorded('EmpowermentServiceRecorded', {
        ...(service(providedOn).data as object),
        kind,
      });
    const facts = [
      enrolled,
      recorded('SmallGrantApproved', { ...of, grantId: 'g1', purpose: 'LIVESTOCK' }),
      recorded('SmallGrantDisbursed', {
        ...of,
        grantId: 'g1',
        amount: { amountMinor: 500_000, currency: 'THB' },
        disbursedOn: '2020-05-01',
      }),
      withKind('TUITION_FEES', '2020-06-01'),
      withKind('VOCATIONAL_TRAINING', '2020-07-01'),
      withKind('COUNSELLING', '2020-08-01'),
    ].flatMap((event) => empowermentModule.factsOf(event, subjects));
    const support = facts.filter((fact) => fact.kind === 'careerSupport');
    expect(support.map((fact) => fact.attributes?.support)).toEqual([
      'SMALL_GRANT',
      'TUITION_FEES',
      'VOCATIONAL_TRAINING',
    ]);
    expect(new Set(support.map((fact) => fact.subjectId))).toEqual(new Set([of.beneficiaryId]));
  });
});
