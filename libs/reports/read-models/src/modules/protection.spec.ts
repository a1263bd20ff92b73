import { protectionModule } from './protection';
import { book, recorded } from './module-testing';

// Protection's share of the annual report: where its victims were protected, in the country,
// abroad, or in transit when they were intercepted before anyone exploited them.

const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f01';
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f02';
const opening = {
  caseId,
  country: 'LA',
  province: null,
  abroad: false,
  destination: null,
  formOfExploitation: 'FORCED_MARRIAGE',
  placeOfExploitation: null,
  sourceNotificationId: null,
  openedOn: '2020-03-01',
  openedAt: '2020-03-01T03:00:00.000Z',
};
const victim = {
  caseId,
  beneficiaryId,
  formOfExploitation: 'FORCED_MARRIAGE',
  minor: true,
  nationality: 'LA',
  sex: 'FEMALE',
  ageYears: 16,
  addedOn: '2020-03-02',
  addedAt: '2020-03-02T03:00:00.000Z',
};

function protectedPerson(openingData: Record<string, unknown>) {
  const subjects = book();
  const [opened] = protectionModule.factsOf(
    recorded('ProtectionCaseOpened', openingData),
    subjects,
  );
  const facts = protectionModule.factsOf(recorded('VictimAddedToCase', victim), subjects);
  return { opened, age: facts[0], person: facts[1] };
}

describe('the protection report module', () => {
  it('given an interception on its way to China, then its victim is protected in transit, bound for CN, with no place of exploitation', () => {
    const { opened, age, person } = protectedPerson({
      ...opening,
      intercepted: true,
      destination: 'CN',
    });
    expect(opened.attributes).toEqual({ form: 'FORCED_MARRIAGE', place: 'IN_TRANSIT' });
    expect(age.attributes).toEqual({ form: 'FORCED_MARRIAGE', placeOfExploitation: 'IN_TRANSIT' });
    expect(person.attributes).toMatchObject({
      place: 'IN_TRANSIT',
      destination: 'CN',
      placeOfExploitation: 'IN_TRANSIT',
      ageGroup: 'MINOR',
    });
  });

  it('given a case abroad, then its victim is protected abroad, at its destination and place', () => {
    const { person } = protectedPerson({
      ...opening,
      abroad: true,
      intercepted: false,
      destination: 'CN',
      placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
    });
    expect(person.attributes).toMatchObject({
      place: 'ABROAD',
      destination: 'CN',
      placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
    });
  });

  it('given a case opened before interceptions were recorded, then its victim is protected in the country, as before', () => {
    const { opened, person } = protectedPerson(opening);
    expect(opened.attributes).toEqual({ form: 'FORCED_MARRIAGE', place: 'IN_COUNTRY' });
    expect(person.attributes).toMatchObject({
      place: 'IN_COUNTRY',
      destination: 'IN_COUNTRY',
      placeOfExploitation: 'UNKNOWN',
    });
  });
});
