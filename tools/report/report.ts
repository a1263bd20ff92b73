// `npm run report -- --year 2020 --country TH --format xlsx`: the annual programme report as a
// file, fetched from the running gateway's export endpoint (/reports/<year>.<format>), so it is
// the same report, with the same checks and suppression, as the query and the page give.
// The token: HAVEN_TOKEN, or outside production one from the development issuer for --role.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_KEYS_DIR, ensureDevKeys, isRole, mintDevToken } from '@haven/platform/security';

const USAGE = `Usage: npm run report -- --year <year> [--country TH[,LA]] [--format csv|xlsx] [--as-of <ISO instant>] [--out <file>]
  [--url http://127.0.0.1:4000] [--role admin]   (HAVEN_TOKEN, if set, is sent instead of a development token)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      country: { type: 'string', multiple: true },
      format: { type: 'string', default: 'csv' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string', default: process.env.HAVEN_GATEWAY_URL ?? 'http://127.0.0.1:4000' },
      role: { type: 'string', default: 'admin' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.year || !/^\d{4}$/.test(values.year)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (values.format !== 'csv' && values.format !== 'xlsx') {
    process.stderr.write(`--format must be csv or xlsx\n${USAGE}\n`);
    return 2;
  }
  const token = process.env.HAVEN_TOKEN?.trim() || (await developmentToken(values.role ?? 'admin'));
  const query = new URLSearchParams();
  const countries = (values.country ?? []).flatMap((value) => value.split(',')).filter(Boolean);
  if (countries.length) query.set('countries', countries.join(','));
  if (values['as-of']) query.set('asOf', values['as-of']);
  const url = `${(values.url ?? 'http://127.0.0.1:4000').replace(/\/$/, '')}/reports/${values.year}.${values.format}?${query}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    process.stderr.write(
      `The gateway refused the report (${response.status}): ${await response.text()}\n`,
    );
    return 1;
  }
  const out =
    values.out ??
    `haven-report-${values.year}${countries.length ? `-${countries.join('-')}` : ''}.${values.format}`;
  writeFileSync(out, Buffer.from(await response.arrayBuffer()));
  process.stdout.write(`${out}\n`);
  return 0;
}

async function developmentToken(role: string): Promise<string> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Set HAVEN_TOKEN: the development issuer is refused when NODE_ENV=production.');
  }
  if (!isRole(role)) throw new Error(`--role must be a Haven role, not "${role}"`);
  const keys = ensureDevKeys(process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR);
  return mintDevToken(keys, {
    role,
    subject: `report-cli-${role}`,
    countries: role === 'country_manager' ? ['TH'] : undefined,
    organisationId: role === 'partner' ? 'report-cli' : undefined,
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
