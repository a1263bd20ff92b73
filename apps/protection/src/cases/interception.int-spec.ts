// Interceptions through the API: a case whose victims were stopped in transit says so, with
// where they were being taken; a place of exploitation on one is refused, writing nothing.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { officer } from '../testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const lao = officer(['LA'], 'officer-interception');

const OPEN = `mutation ($input: OpenProtectionCaseInput!) {
  openProtectionCase(input: $input) { protectionCase { id intercepted abroad placeOfExploitation } }
}`;

type Opened = {
  openProtectionCase: {
    protectionCase: { intercepted: boolean; abroad: boolean; placeOfExploitation: string | null };
  };
};

function open(input: Record<string, unknown>) {
  return protection.service.graphql<Opened>(
    OPEN,
    { input: { country: 'LA', abroad: false, formOfExploitation: 'FORCED_MARRIAGE', ...input } },
    {},
    { as: lao },
  );
}

describe('openProtectionCase for an interception', () => {
  it('records an interception on its way to China, and none when not said', async () => {
    const stopped = await open({ id: randomUUID(), intercepted: true, destination: 'CN' });
    expect(stopped.body.errors).toBeUndefined();
    expect(stopped.body.data!.openProtectionCase.protectionCase).toEqual({
      id: expect.any(String),
      intercepted: true,
      abroad: false,
      placeOfExploitation: null,
    });
    const ordinary = await open({
      id: randomUUID(),
      placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
    });
    expect(ordinary.body.data!.openProtectionCase.protectionCase.intercepted).toBe(false);
  });

  it('refuses a place of exploitation on an interception, with a code, writing nothing', async () => {
    const before = await protection.eventCount();
    const refused = await open({
      id: randomUUID(),
      intercepted: true,
      placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toMatch(/placeOfExploitation/);
    expect(await protection.eventCount()).toBe(before);
  });
});
