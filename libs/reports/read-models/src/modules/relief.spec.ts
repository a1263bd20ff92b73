import { reliefModule } from './relief';
import { book, recorded } from './module-testing';

// Relief's share of the annual report: people at risk and migrated families, from its contracts.

const responseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e01';
const atRisk = {
  responseId,
  entryId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e02',
  reason: 'LOST_WORK_IN_TOURISM',
  sex: 'FEMALE',
  ageBand: '18_24',
  district: 'Xaythany',
  foundOn: '2020-05-05',
  fieldWorkerKind: 'VOLUNTEER',
  fieldWorkerId: 'vol-1',
};

describe('the relief report module', () => {
  it('given a person at risk recorded in LA, when the report reads it, then she is counted by reason and sex, with no place, and her finder as a field worker collecting data', () => {
    const facts = reliefModule.factsOf(
      recorded('PersonAtRiskRecorded', { ...atRisk, country: 'LA' }),
      book(),
    );
    expect(facts).toEqual([
      {
        kind: 'fieldWorker',
        country: 'LA',
        occurredOn: '2020-05-05',
        subjectId: 'vol-1',
        attributes: { kind: 'VOLUNTEER', task: 'DATA_COLLECTION' },
      },
      {
        kind: 'personAtRisk',
        country: 'LA',
        occurredOn: '2020-05-05',
        subjectId: atRisk.entryId,
        attributes: { reason: 'LOST_WORK_IN_TOURISM', sex: 'FEMALE' },
      },
    ]);
  });

  it('given an entry recorded before it carried a country, when its response distributed in MM, then it counts in MM', () => {
    const subjects = book();
    reliefModule.factsOf(
      recorded('ReliefDistributed', {
        responseId,
        distributionId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e03',
        country: 'MM',
        kind: 'NECESSITY_BAG',
        recipientKind: 'RELIEF_RECIPIENT',
        beneficiaryId: null,
        recipientId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e04',
        amountMinor: null,
        currency: null,
        fieldWorkerKind: 'VOLUNTEER',
        fieldWorkerId: 'vol-1',
        distributedOn: '2020-05-04',
      }),
      subjects,
    );
    const [fact] = reliefModule.factsOf(recorded('PersonAtRiskRecorded', atRisk), subjects);
    expect(fact.country).toBe('MM');
  });

  it('given an old entry of a response nothing else told the country of, then it counts as OTHER', () => {
    const [fact] = reliefModule.factsOf(recorded('PersonAtRiskRecorded', atRisk), book());
    expect(fact.country).toBe('OTHER');
  });

  it('given migrated families, when the report reads them, then their number is summed by destination', () => {
    const facts = reliefModule.factsOf(
      recorded('MigratedFamiliesRecorded', {
        responseId,
        country: 'LA',
        entryId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e05',
        families: 7,
        destination: 'TH',
        district: 'Xaythany',
        recordedOn: '2020-06-01',
        fieldWorkerKind: 'VOLUNTEER',
        fieldWorkerId: 'vol-1',
      }),
      book(),
    );
    expect(facts).toEqual([
      expect.objectContaining({
        kind: 'fieldWorker',
        subjectId: 'vol-1',
        attributes: { kind: 'VOLUNTEER', task: 'DATA_COLLECTION' },
      }),
      expect.objectContaining({
        kind: 'migratedFamilies',
        country: 'LA',
        quantity: 7,
        attributes: { destination: 'TH' },
      }),
    ]);
  });

  it('publishes people at risk and migrated families as figures', () => {
    expect(reliefModule.figures.map((figure) => figure.name)).toEqual(
      expect.arrayContaining(['peopleAtRisk', 'migratedFamilies']),
    );
    expect(reliefModule.handles).toEqual(
      expect.arrayContaining(['PersonAtRiskRecorded', 'MigratedFamiliesRecorded']),
    );
  });

  it('given a potential victim detected with where she was to be taken, then she is counted by form, age group, sex and destination, with no place', () => {
    const facts = reliefModule.factsOf(
      recorded('PotentialVictimDetected', {
        responseId,
        country: 'LA',
        detectionId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e06',
        formOfExploitation: 'FORCED_MARRIAGE',
        destination: 'CN',
        place: 'Sikhottabong',
        sex: 'FEMALE',
        ageBand: '12_17',
        detectedOn: '2020-05-03',
        fieldWorkerKind: 'AGENT_OF_CHANGE',
        fieldWorkerId: 'agent-1',
      }),
      book(),
    );
    expect(facts).toEqual([
      {
        kind: 'potentialVictimDetected',
        country: 'LA',
        occurredOn: '2020-05-03',
        subjectId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e06',
        attributes: {
          form: 'FORCED_MARRIAGE',
          ageGroup: 'MINOR',
          sex: 'FEMALE',
          destination: 'CN',
        },
      },
    ]);
  });

  it('given a detection recorded before it carried a country or a destination, then its response tells the country and the destination is unknown', () => {
    const subjects = book();
    subjects.set(`reliefresponse:${responseId}`, { country: 'MM' });
    const [fact] = reliefModule.factsOf(
      recorded('PotentialVictimDetected', {
        responseId,
        detectionId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e07',
        formOfExploitation: 'FORCED_MARRIAGE',
        place: 'Muse',
        sex: 'FEMALE',
        ageBand: '25_39',
        detectedOn: '2020-06-03',
        fieldWorkerKind: 'STAFF',
        fieldWorkerId: 'staff-1',
      }),
      subjects,
    );
    expect(fact).toMatchObject({
      country: 'MM',
      attributes: { ageGroup: 'ADULT', destination: 'UNKNOWN' },
    });
  });

  it.each([
    ['RELIEF_RECIPIENT', 'SINGLE_MOTHER', 'SINGLE_MOTHER'],
    ['RELIEF_RECIPIENT', undefined, 'UNKNOWN'],
    ['BENEFICIARY', null, 'BENEFICIARY'],
  ])(
    'given a distribution to a %s whose reason is %s, then the recipient counts under %s',
    (recipientKind, riskReason, reason) => {
      const [recipient] = reliefModule.factsOf(
        recorded('ReliefDistributed', {
          responseId,
          distributionId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0e08',
          country: 'TH',
          kind: 'NECESSITY_BAG',
          recipientKind,
          beneficiaryId: recipientKind === 'BENEFICIARY' ? responseId : null,
          recipientId: recipientKind === 'BENEFICIARY' ? null : responseId,
          ...(riskReason === undefined ? {} : { riskReason }),
          amountMinor: null,
          currency: null,
          fieldWorkerKind: 'STAFF',
          fieldWorkerId: 'staff-1',
          distributedOn: '2020-05-04',
        }),
        book(),
      );
      expect(recipient.attributes).toEqual({
        distribution: 'NECESSITY_BAG',
        recipientKind,
        reason,
      });
    },
  );
});
