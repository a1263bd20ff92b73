// `npm run token -- --role protection_officer --country TH`: prints an access token from the
// local development issuer (keys in .data/keys, made on first use). Refused in production.
import { parseArgs } from 'node:util';
import {
  DEFAULT_KEYS_DIR,
  ensureDevKeys,
  isRole,
  mintDevToken,
  NETWORK_MEMBER_ROLES,
  principalFromClaims,
  ROLES,
} from '@haven/platform/security';

const USAGE = `Usage: npm run token -- --role <role> [--country TH[,LA]] [--org <organisation>] [--sub <user id>] [--ttl 8h]
Roles: ${ROLES.join(', ')}
Country roles need --country; a partner needs --org. A networks member (${NETWORK_MEMBER_ROLES.join(', ')})
submits as its own record: --sub is its watchdog, women's group or agent of change id in networks.`;

function seconds(ttl: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!match) throw new Error(`--ttl must look like 3600, 30m, 8h or 1d, not "${ttl}"`);
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's'];
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development issuer is refused when NODE_ENV=production.');
  }
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      country: { type: 'string', multiple: true },
      org: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!isRole(values.role)) throw new Error(`--role must be one of the roles.\n${USAGE}`);
  const countries = (values.country ?? []).flatMap((value) => value.split(',')).filter(Boolean);
  if (NETWORK_MEMBER_ROLES.includes(values.role) && !/^[0-9a-f-]{36}$/i.test(values.sub ?? '')) {
    throw new Error(`A ${values.role} token needs --sub <the member's id in networks>.\n${USAGE}`);
  }
  // The gateway's own check, so that a token it would refuse is never printed.
  principalFromClaims({
    sub: values.sub ?? `dev-${values.role}`,
    role: values.role,
    countries,
    org: values.org,
  });
  const keysDir = process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR;
  const token = await mintDevToken(ensureDevKeys(keysDir), {
    role: values.role,
    countries,
    organisationId: values.org,
    subject: values.sub,
    ttlSeconds: seconds(values.ttl ?? '8h'),
  });
  process.stdout.write(`${token}\n`);
  process.stderr.write(
    `${/^[aeiou]/.test(values.role) ? 'An' : 'A'} ${values.role} token${countries.length ? ` for ${countries.join(', ')}` : ''}, valid ${values.ttl}. ` +
      'Send it as "Authorization: Bearer <token>" (in the IDE: the Headers tab).\n',
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
