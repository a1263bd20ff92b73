// Leaks (part of system.security-spec.ts, run last): once the system has stopped, no process's log
// holds personal data or token text, and no answer but an allowed read of personal details holds
// personal data. It scans what every earlier part of the suite sent and received.
import type { ServiceProcess } from '../system';
import { personalStrings, replies, tokens, type HostileSystem } from './system';

/** The strings inside a JSON line, unescaped, and the line itself: where a needle could hide. */
function searchable(text: string): string[] {
  const found = [text];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        found.push(key);
        collect(inner);
      }
    }
  };
  try {
    collect(JSON.parse(text));
  } catch {
    // Not JSON: searched as it is.
  }
  return found;
}

/** The parts of a token that identify it (its payload and signature; headers are alike). */
function tokenParts(token: string): string[] {
  return token
    .split('.')
    .slice(1)
    .filter((part) => part.length >= 16);
}

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

export function describeLeakCheck(haven: () => HostileSystem): void {
  describe('leaks', () => {
    it('no process logged personal data or token text, and no answer but an allowed read held personal data', async () => {
      const { system } = haven();
      // Stopped first, so that every line each process will ever print is in.
      await system.stop();
      const hits: Array<{ where: string; needle: string }> = [];
      const processes = [system.gateway, ...Object.values(system.subgraphs)];
      const secrets = [
        ...personalStrings.map((value) => ({ kind: 'personal', value })),
        ...tokens.flatMap(tokenParts).map((value) => ({ kind: 'token', value })),
      ];
      for (const child of processes) {
        const lines = child.allOutput().split('\n');
        for (const line of lines) {
          const texts = searchable(line);
          for (const secret of secrets) {
            if (texts.some((text) => text.includes(secret.value))) {
              hits.push({
                where: `${child.name} log`,
                needle: `${secret.kind}: ${secret.value}`,
              });
            }
          }
          if (JWT_SHAPE.test(line)) hits.push({ where: `${child.name} log`, needle: 'a JWT' });
        }
      }
      for (const reply of replies) {
        const texts = searchable(reply.text);
        for (const secret of secrets) {
          if (secret.kind === 'personal' && reply.personalRead) continue;
          if (texts.some((text) => text.includes(secret.value))) {
            hits.push({
              where: `answer to ${reply.label}`,
              needle: `${secret.kind}: ${secret.value}`,
            });
          }
        }
        if (JWT_SHAPE.test(reply.text))
          hits.push({ where: `answer to ${reply.label}`, needle: 'a JWT' });
      }
      expect(hits).toEqual([]);

      // The scan read real logs: a line for every request, at the gateway and at the services.
      const logLines = (child: ServiceProcess) =>
        child
          .allOutput()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      const gatewayLines = logLines(system.gateway);
      for (const status of [200, 400, 401, 403, 413]) {
        expect(gatewayLines).toContainEqual(expect.objectContaining({ msg: 'request', status }));
      }
      for (const service of Object.values(system.subgraphs)) {
        expect({ service: service.name, lines: logLines(service) }).toEqual({
          service: service.name,
          lines: expect.arrayContaining([
            expect.objectContaining({ msg: 'request completed', res: { statusCode: 401 } }),
          ]),
        });
      }
      expect(replies.length).toBeGreaterThan(50);
    }, 60_000);
  });
}
