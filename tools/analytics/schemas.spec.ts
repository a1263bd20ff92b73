import {
  ADVOCACY_ACTIONS_V1,
  BENEFICIARIES_V1,
  breakingChanges,
  CASE_NOTIFICATIONS_V1,
  ENROLMENTS_V1,
  FEED_TOPICS,
  LEGAL_CASES_V1,
  MessageValidator,
  PROTECTION_CASES_V1,
  RELIEF_RESPONSES_V1,
  topicSchema,
  type JsonSchema,
} from '@haven/analytics/feed';
import { EMPOWERMENT_INTEGRATION_EVENT_TYPES } from '@haven/empowerment/contracts';
import {
  ADVOCACY_INTEGRATION_EVENT_TYPES,
  LEGAL_CASE_INTEGRATION_EVENT_TYPES,
} from '@haven/legal/contracts';
import { BENEFICIARY_EVENT_TYPES, PROTECTION_CASE_EVENT_TYPES } from '@haven/protection/contracts';
import { CASE_NOTIFICATION_EVENT_TYPES } from '@haven/networks/contracts';
import { RELIEF_INTEGRATION_EVENT_TYPES } from '@haven/relief/contracts';
import { compareSchemas } from './schemas';

const clone = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema;
// The data schema of one event type's branch, to edit in a copy.
function dataOf(
  schema: JsonSchema,
  type: string,
): { properties: Record<string, JsonSchema>; required: string[] } {
  const branch = (schema.oneOf as JsonSchema[]).find(
    (candidate) => (candidate.properties as Record<string, JsonSchema>).type.const === type,
  ) as JsonSchema;
  return (branch.properties as Record<string, JsonSchema>).data as never;
}

describe('the published schemas of the analysts feed', () => {
  it('are the files committed under libs/analytics/feed/schemas, one per topic (npm run analytics:schemas writes them)', () => {
    expect(compareSchemas().filter((status) => status.state !== 'same')).toEqual([]);
  });

  it('publish only event types that the contracts declare', () => {
    const declared: Record<string, readonly string[]> = {
      [CASE_NOTIFICATIONS_V1.name]: CASE_NOTIFICATION_EVENT_TYPES,
      [PROTECTION_CASES_V1.name]: PROTECTION_CASE_EVENT_TYPES,
      [BENEFICIARIES_V1.name]: BENEFICIARY_EVENT_TYPES,
      [ENROLMENTS_V1.name]: EMPOWERMENT_INTEGRATION_EVENT_TYPES,
      [LEGAL_CASES_V1.name]: LEGAL_CASE_INTEGRATION_EVENT_TYPES,
      [ADVOCACY_ACTIONS_V1.name]: ADVOCACY_INTEGRATION_EVENT_TYPES,
      [RELIEF_RESPONSES_V1.name]: RELIEF_INTEGRATION_EVENT_TYPES,
    };
    for (const topic of FEED_TOPICS) {
      for (const type of Object.keys(topic.events)) expect(declared[topic.name]).toContain(type);
    }
  });

  it("of empowerment, legal and relief publish every integration event of their programme's contracts", () => {
    const programmes = [ENROLMENTS_V1, LEGAL_CASES_V1, ADVOCACY_ACTIONS_V1, RELIEF_RESPONSES_V1];
    const published = programmes.flatMap((topic) => Object.keys(topic.events));
    expect(published.sort()).toEqual(
      [
        ...EMPOWERMENT_INTEGRATION_EVENT_TYPES,
        ...LEGAL_CASE_INTEGRATION_EVENT_TYPES,
        ...ADVOCACY_INTEGRATION_EVENT_TYPES,
        ...RELIEF_INTEGRATION_EVENT_TYPES,
      ].sort(),
    );
  });

  it('refuse a value outside a closed list, a missing field and a field not declared', () => {
    const validator = new MessageValidator(FEED_TOPICS, (name) =>
      topicSchema(FEED_TOPICS.find((topic) => topic.name === name)!),
    );
    const value = {
      type: 'CaseNotificationRejected',
      schemaVersion: 1,
      data: { notification: 'a'.repeat(22), reason: 'NOT_A_CASE', rejectedOn: '2026-01-02' },
    };
    expect(validator.check(CASE_NOTIFICATIONS_V1.name, value)).toBeNull();
    expect(
      validator.check(CASE_NOTIFICATIONS_V1.name, {
        ...value,
        data: { ...value.data, reason: 'free text' },
      }),
    ).toMatchObject({ path: '/data/reason' });
    expect(
      validator.check(CASE_NOTIFICATIONS_V1.name, {
        ...value,
        data: { ...value.data, province: 'Tak' },
      }),
    ).not.toBeNull();
    const { rejectedOn: _dropped, ...missing } = value.data;
    expect(validator.check(CASE_NOTIFICATIONS_V1.name, { ...value, data: missing })).not.toBeNull();
    expect(
      validator.check(CASE_NOTIFICATIONS_V1.name, {
        ...value,
        data: { ...value.data, rejectedOn: '2026-01-02T10:00:00Z' },
      }),
    ).not.toBeNull();
  });

  describe('a change within the same topic version', () => {
    const published = topicSchema(CASE_NOTIFICATIONS_V1);

    it('that removes a field, retypes one, removes a listed value or an event type, or changes a date precision, is breaking (CI fails)', () => {
      const removed = clone(published);
      delete dataOf(removed, 'CaseNotificationSubmitted').properties.minors;
      expect(breakingChanges(published, removed)).toEqual([
        'CaseNotificationSubmitted.minors: removed',
      ]);

      const retyped = clone(published);
      dataOf(retyped, 'CaseNotificationSubmitted').properties.possibleVictims = { type: 'string' };
      expect(breakingChanges(published, retyped)).toEqual([
        'CaseNotificationSubmitted.possibleVictims: type integer became string',
      ]);

      const narrowed = clone(published);
      const form = dataOf(narrowed, 'CaseNotificationSubmitted').properties.formOfExploitation;
      form.enum = (form.enum as string[]).filter((value) => value !== 'FORCED_SURROGACY');
      expect(breakingChanges(published, narrowed)).toEqual([
        'CaseNotificationSubmitted.formOfExploitation: values removed: FORCED_SURROGACY',
      ]);

      const coarser = clone(published);
      dataOf(coarser, 'CaseNotificationSubmitted').properties.submittedOn = {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}$',
      };
      expect(breakingChanges(published, coarser)).toEqual([
        'CaseNotificationSubmitted.submittedOn: format changed',
      ]);

      const dropped = clone(published);
      dropped.oneOf = (dropped.oneOf as JsonSchema[]).slice(1);
      expect(breakingChanges(published, dropped)).toEqual([
        'CaseNotificationSubmitted: the event type was removed',
      ]);
    });

    it("that removes a value from a list of a closed list's values (a plan's goals) is breaking too", () => {
      const goals = topicSchema(ENROLMENTS_V1);
      const narrowed = clone(goals);
      const items = dataOf(narrowed, 'ReintegrationPlanAgreed').properties.goals
        .items as JsonSchema;
      items.enum = (items.enum as string[]).filter((value) => value !== 'AGENT_OF_CHANGE');
      expect(breakingChanges(goals, narrowed)).toEqual([
        'ReintegrationPlanAgreed.goals: values removed: AGENT_OF_CHANGE',
      ]);
    });

    it('that adds a field, a listed value or an event type, is not', () => {
      const widened = clone(published);
      const data = dataOf(widened, 'CaseNotificationSubmitted');
      data.properties.minorsUnder12 = { type: 'integer', minimum: 0 };
      data.required.push('minorsUnder12');
      (data.properties.formOfExploitation.enum as string[]).push('FORCED_LABOUR');
      (widened.oneOf as JsonSchema[]).push((clone(published).oneOf as JsonSchema[])[0]);
      expect(breakingChanges(published, widened)).toEqual([]);
    });
  });
});
