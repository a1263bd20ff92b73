// Relief's part of the report's fictional year: a flood response in Laos opened in December
// 2024; bags, goods, a micro-project grant and other relief given by staff, a volunteer and the
// agent of change empowerment trained, to relief recipients and to a registered beneficiary, on
// 31 December 2024, through the year and on 1 January 2026; people at risk and families who
// migrated at the year's edges; two potential victims detected on 31 December, one of them
// turned into a case notification (today, as networks submits it from the log).
import { notificationIdForDetection } from '@haven/relief/contracts';
import type { TrainedAgentOfChange } from './report-year-empowerment';
import type { MutationOptions, ProtectedPeople, ReportYearApi } from './report-year';

type Worker = 'staff' | 'volunteer' | 'agent';

export async function recordReliefYear(
  api: ReportYearApi,
  people: ProtectedPeople,
  trained: TrainedAgentOfChange,
): Promise<void> {
  const { facts } = api;
  const country = 'LA';
  const coordinator: MutationOptions = { as: 'relief' };

  // Networks registers the trained woman as an agent of change (from empowerment's log).
  let agentOfChangeId = '';
  for (let attempt = 0; !agentOfChangeId; attempt++) {
    if (attempt > 300) throw new Error('networks did not register the agent of change');
    const { agentsOfChange } = await api.query<{
      agentsOfChange: { edges: Array<{ node: { id: string; beneficiaryId: string } }> };
    }>(`{ agentsOfChange(country: ${trained.country}) { edges { node { id beneficiaryId } } } }`);
    const found = agentsOfChange.edges.find((e) => e.node.beneficiaryId === trained.beneficiaryId);
    if (found) agentOfChangeId = found.node.id.toLowerCase();
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // From the day her training was completed, in no named region.
  facts.push({
    programme: 'networks',
    kind: 'networkMember',
    country: trained.country,
    on: '2025-12-31',
    subject: agentOfChangeId,
    attributes: { kind: 'AGENT_OF_CHANGE', region: 'UNKNOWN' },
  });
  /** Who records it, with which token, and whom the report counts (its field worker id). */
  const WORKERS: Record<Worker, { as: string; input: Record<string, unknown>; id: string }> = {
    staff: { as: 'relief', input: { kind: 'STAFF' }, id: 'relief-la-1' },
    volunteer: { as: 'volunteer', input: { kind: 'VOLUNTEER' }, id: 'volunteer-la-1' },
    agent: {
      as: 'relief',
      input: { kind: 'AGENT_OF_CHANGE', agentOfChangeId },
      id: agentOfChangeId,
    },
  };
  const kindOf = (worker: Worker) => String(WORKERS[worker].input.kind);

  const { openReliefResponse } = await api.mutate(
    'openReliefResponse',
    { name: 'Floods 2025', country, startsOn: '2024-12-01', funder: 'Alliance donors' },
    'id',
    coordinator,
  );
  const responseId = String(openReliefResponse.id);
  const entry = (name: string, worker: Worker, input: Record<string, unknown>) =>
    // Eventually: relief learns the agent of change from networks' log, and beneficiaries from
    // protection's.
    api.eventually(name, { responseId, fieldWorker: WORKERS[worker].input, ...input }, 'id', {
      as: WORKERS[worker].as,
    });

  /** The field worker distributed, or collected data, that day. */
  const worked = (worker: Worker, on: string, task: 'DISTRIBUTION' | 'DATA_COLLECTION') =>
    facts.push({
      programme: 'relief',
      kind: 'fieldWorker',
      country,
      on,
      subject: WORKERS[worker].id,
      attributes: { kind: kindOf(worker), task },
    });

  // Each recipient's reason travels with her distributions ("77 single mothers").
  const recipients: string[] = [];
  const reasons = new Map<string, string>();
  for (const [ageBand, sex, riskReason] of [
    ['AGE_25_39', 'FEMALE', 'SINGLE_MOTHER'],
    ['AGE_40_59', 'MALE', 'LOST_WORK_IN_TOURISM'],
    ['AGE_18_24', 'FEMALE', 'LOST_WORK_IN_TOURISM'],
  ]) {
    const { recordReliefRecipient } = await entry('recordReliefRecipient', 'staff', {
      alias: 'A fictional household',
      ageBand,
      sex,
      district: 'Xaythany',
      householdSize: 4,
      singleMotherHead: sex === 'FEMALE',
      riskReason,
      registeredOn: '2024-12-31',
    });
    recipients.push(String(recordReliefRecipient.id));
    reasons.set(String(recordReliefRecipient.id), riskReason);
  }

  const distribute = async (
    worker: Worker,
    kind: string,
    recipient: { recipientId: string } | { beneficiaryId: string },
    distributedOn: string,
    grant?: { amountMinor: number; currency: string },
  ) => {
    const { recordDistribution } = await entry('recordDistribution', worker, {
      kind,
      recipient,
      country,
      distributedOn,
      ...(grant ? { grant } : {}),
    });
    const beneficiary = 'beneficiaryId' in recipient;
    const on = distributedOn;
    facts.push({
      programme: 'relief',
      kind: 'recipient',
      country,
      on,
      subject: beneficiary ? recipient.beneficiaryId : recipient.recipientId,
      person: beneficiary,
      attributes: {
        distribution: kind,
        recipientKind: beneficiary ? 'BENEFICIARY' : 'RELIEF_RECIPIENT',
        reason: beneficiary ? 'BENEFICIARY' : reasons.get(recipient.recipientId)!,
      },
    });
    worked(worker, on, 'DISTRIBUTION');
    if (grant) {
      facts.push({
        programme: 'relief',
        kind: 'reliefAmount',
        country,
        on,
        subject: String(recordDistribution.id),
        quantity: grant.amountMinor,
        attributes: { distribution: kind, currency: grant.currency },
      });
    }
  };
  const [first, second, third] = recipients.map((recipientId) => ({ recipientId }));
  await distribute('staff', 'NECESSITY_BAG', first, '2024-12-31');
  await distribute('volunteer', 'NECESSITY_BAG', first, '2025-01-01');
  await distribute('volunteer', 'GOODS', second, '2025-12-31');
  await distribute('staff', 'GOODS', { beneficiaryId: people.laoWomanInLaos }, '2025-06-01');
  await distribute('agent', 'MICRO_PROJECT_GRANT', third, '2025-12-31', {
    amountMinor: 150_000_000,
    currency: 'LAK',
  });
  await distribute('volunteer', 'OTHER', second, '2026-01-01');

  for (const [worker, reason, sex, foundOn] of [
    ['volunteer', 'SINGLE_MOTHER', 'FEMALE', '2025-01-01'],
    ['agent', 'LOST_WORK_IN_TOURISM', 'MALE', '2025-12-31'],
    ['volunteer', 'OTHER', 'FEMALE', '2026-01-01'],
  ] as const) {
    const { recordPersonAtRisk } = await entry('recordPersonAtRisk', worker, {
      reason,
      sex,
      ageBand: 'AGE_18_24',
      district: 'Sikhottabong',
      foundOn,
    });
    worked(worker, foundOn, 'DATA_COLLECTION');
    facts.push({
      programme: 'relief',
      kind: 'personAtRisk',
      country,
      on: foundOn,
      subject: String(recordPersonAtRisk.id),
      attributes: { reason, sex },
    });
  }
  for (const [families, destination, recordedOn] of [
    [2, 'CN', '2024-12-31'],
    [4, 'TH', '2025-12-31'],
    [3, 'TH', '2025-01-01'],
  ] as const) {
    const { recordMigratedFamilies } = await entry('recordMigratedFamilies', 'staff', {
      families,
      destination,
      district: 'Sikhottabong',
      recordedOn,
    });
    worked('staff', recordedOn, 'DATA_COLLECTION');
    facts.push({
      programme: 'relief',
      kind: 'migratedFamilies',
      country,
      on: recordedOn,
      subject: String(recordMigratedFamilies.id),
      quantity: families,
      attributes: { destination },
    });
  }

  // Two girls detected on 31 December; one is notified: counted when notified (today), and
  // networks submits the notification from the log, as reported by staff.
  const detections: string[] = [];
  // The agent's detection names where she was to be taken; the volunteer's does not.
  for (const [worker, destination] of [
    ['agent', 'CN'],
    ['volunteer', null],
  ] as const) {
    const { recordPotentialVictim } = await entry('recordPotentialVictim', worker, {
      formOfExploitation: 'FORCED_MARRIAGE',
      ...(destination ? { destination } : {}),
      place: 'Sikhottabong',
      sex: 'FEMALE',
      ageBand: 'AGE_12_17',
      detectedOn: '2025-12-31',
    });
    const detectionId = String(recordPotentialVictim.id);
    detections.push(detectionId);
    facts.push({
      programme: 'relief',
      kind: 'potentialVictimDetected',
      country,
      on: '2025-12-31',
      subject: detectionId,
      attributes: {
        form: 'FORCED_MARRIAGE',
        ageGroup: 'MINOR',
        sex: 'FEMALE',
        destination: destination ?? 'UNKNOWN',
      },
    });
  }
  await api.mutate(
    'notifyDetection',
    { responseId, detectionId: detections[0] },
    'node { notificationId }',
    coordinator,
  );
  const { today } = api;
  facts.push({
    programme: 'relief',
    kind: 'detectionNotified',
    country,
    on: today,
    subject: detections[0],
    attributes: { form: 'FORCED_MARRIAGE', ageGroup: 'MINOR' },
  });
  const notificationId = notificationIdForDetection(detections[0]);
  facts.push({
    programme: 'networks',
    kind: 'notification',
    country,
    on: today,
    subject: notificationId,
    attributes: { source: 'STAFF', form: 'FORCED_MARRIAGE', activity: 'NONE' },
  });
  facts.push({
    programme: 'networks',
    kind: 'notificationOutcome',
    country,
    on: today,
    subject: notificationId,
    stateKey: notificationId,
    attributes: { outcome: 'SUBMITTED' },
  });
}
