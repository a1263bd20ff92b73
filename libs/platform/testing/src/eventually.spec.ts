import { eventually, waitUntil } from './eventually';

describe('eventually', () => {
  it('tries again until the attempt succeeds, and returns its value', async () => {
    let tries = 0;
    const value = await eventually(
      () => {
        tries += 1;
        if (tries < 3) throw new Error('not yet');
        return 'ready';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
    expect(tries).toBe(3);
  });

  it("throws the last attempt's own error when the time is up", async () => {
    let tries = 0;
    await expect(
      eventually(
        () => {
          tries += 1;
          throw new Error(`attempt ${tries} failed`);
        },
        { timeoutMs: 20, intervalMs: 1 },
      ),
    ).rejects.toThrow(/^attempt \d+ failed$/);
    expect(tries).toBeGreaterThan(1);
  });
});

describe('waitUntil', () => {
  it('returns once the condition holds', async () => {
    let checks = 0;
    await waitUntil(() => ++checks === 4, 'the fourth check', { intervalMs: 1 });
    expect(checks).toBe(4);
  });

  it('names what it waited for when the time is up', async () => {
    await expect(
      waitUntil(async () => false, 'the projection', { timeoutMs: 20, intervalMs: 1 }),
    ).rejects.toThrow('Timed out after 20 ms waiting for the projection');
  });
});
