// Persons rescued in a raid before they were registered are counted once, by the rescue's count:
// a victim attached to the rescue later is one of that count, never one more.
import { randomUUID } from 'node:crypto';
import { startReportService, totalOf, type ReportService } from './testing/report-service';

let report: ReportService;

beforeAll(async () => {
  report = await startReportService({
    actorId: 'officer-1',
    role: 'protection_officer',
    correlationId: 'rescued-persons-spec',
    occurredAt: '2023-06-01T09:00:00.000Z',
  });
});

afterAll(async () => {
  await report?.close();
});

describe('persons rescued, registered after the rescue', () => {
  it('given a raid that rescued three and a rescue stored before counts, when two of the three are registered and attached, then personsRescued counts five, not seven', async () => {
    const caseId = randomUUID();
    const stream = `protectioncase-${caseId}`;
    const [raid, older] = [randomUUID(), randomUUID()];
    const [first, second, named1, named2] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await report.append(
      stream,
      'ProtectionCaseOpened',
      {
        caseId,
        country: 'TH',
        province: 'Rayong',
        abroad: false,
        destination: null,
        formOfExploitation: 'SEX_TRAFFICKING',
        sourceNotificationId: null,
        openedOn: '2023-03-01',
        openedAt: '2023-03-01T03:00:00.000Z',
      },
      2,
    );
    // A raid on 5 March rescued three persons, none registered yet.
    await report.append(
      stream,
      'RescueOperationRecorded',
      {
        caseId,
        operationId: raid,
        date: '2023-03-05',
        place: 'Karaoke bar',
        online: false,
        partnerAgencies: [],
        personsRescued: 3,
        rescuedBeneficiaryIds: [],
        recordedAt: '2023-03-05T12:00:00.000Z',
      },
      3,
    );
    // A rescue stored before counts (version 2): it counts the two victims it names.
    for (const id of [named1, named2]) await addVictim(stream, caseId, id, '2023-02-01');
    await report.append(
      stream,
      'RescueOperationRecorded',
      {
        caseId,
        operationId: older,
        date: '2023-02-02',
        place: 'A house',
        online: false,
        partnerAgencies: [],
        rescuedBeneficiaryIds: [named1, named2],
        recordedAt: '2023-02-02T12:00:00.000Z',
      },
      2,
    );
    // Two of the raid's three registered in April, added and attached to it.
    let position = 0;
    for (const id of [first, second]) {
      await addVictim(stream, caseId, id, '2023-04-10');
      position = await report.append(stream, 'RescuedVictimAttached', {
        caseId,
        operationId: raid,
        beneficiaryId: id,
        attachedAt: '2023-04-10T08:00:00.000Z',
      });
    }
    await report.caughtUp(position);

    const lines = await report.lines(2023, ['TH']);
    expect(totalOf(lines, 'protection', 'rescues')).toBe(2);
    expect(totalOf(lines, 'protection', 'personsRescued')).toBe(5);
    // Each named victim is one beneficiary of protection, counted once across her facts.
    expect(totalOf(lines, 'all', 'uniqueBeneficiaries', 'protection')).toBe(4);
  });
});

async function addVictim(stream: string, caseId: string, beneficiaryId: string, on: string) {
  await report.append(
    stream,
    'VictimAddedToCase',
    {
      caseId,
      beneficiaryId,
      formOfExploitation: 'SEX_TRAFFICKING',
      minor: false,
      sex: 'FEMALE',
      nationality: 'LA',
      ageYears: 20,
      addedOn: on,
      addedAt: `${on}T08:00:00.000Z`,
    },
    2,
  );
}
