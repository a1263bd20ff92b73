import { relayConfigFromEnv, RelayConfigError } from './config';

const env = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: 'postgres://haven@127.0.0.1:5432/haven',
  KAFKA_BROKERS: '127.0.0.1:9092',
  HAVEN_ANALYTICS_KEY: `spec:${Buffer.alloc(32, 7).toString('base64')}`,
  ...extra,
});

describe('the relay configuration', () => {
  it('maps in a worker thread unless HAVEN_RELAY_WORKER is 0', () => {
    expect(relayConfigFromEnv(env()).mapInWorker).toBe(true);
    expect(relayConfigFromEnv(env({ HAVEN_RELAY_WORKER: '1' })).mapInWorker).toBe(true);
    expect(relayConfigFromEnv(env({ HAVEN_RELAY_WORKER: '0' })).mapInWorker).toBe(false);
  });

  it('refuses another value, naming the variable and not the value', () => {
    const attempt = () => relayConfigFromEnv(env({ HAVEN_RELAY_WORKER: 'yes-Marker' }));
    expect(attempt).toThrow(RelayConfigError);
    expect(attempt).toThrow('HAVEN_RELAY_WORKER must be 1 (the default) or 0.');
    expect(attempt).not.toThrow(/Marker/);
  });
});
