/**
 * `npm run seed:demo`: loads a fictional demo data set into a running Haven through the public
 * GraphQL API (never by writing tables), with a progress bar. Ids are derived from the seed's own
 * numbering, so running it again registers nothing twice.
 *
 * HAVEN_GATEWAY_URL (default http://127.0.0.1:4000/graphql) says where Haven runs. It signs in
 * as an admin with a token from the development issuer (as `npm run token` makes), or with
 * HAVEN_TOKEN when set (an installation with a real identity provider).
 */
import { v5 as uuidv5 } from 'uuid';
import { DEFAULT_KEYS_DIR, ensureDevKeys, mintDevToken } from '@haven/platform/security';

const GATEWAY = process.env.HAVEN_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const NAMESPACE = '6f1c8a52-3c1e-4e7a-9a35-0c7c2b1d9e40';
const CONCURRENCY = 4;

type Country = 'TH' | 'LA' | 'MM' | 'VN' | 'OTHER';
type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
interface BeneficiarySeed {
  id: string;
  country: Country;
  sex: Sex;
  minor: boolean;
}

/**
 * Shaped like the alliance's published year: most people protected are Thai or Lao, a smaller
 * share from Shan State, a few Vietnamese; almost all women and girls, many of them minors.
 */
export function demoBeneficiaries(count = 240): BeneficiarySeed[] {
  const countries: Array<[Country, number]> = [
    ['TH', 0.46],
    ['LA', 0.34],
    ['MM', 0.16],
    ['VN', 0.03],
    ['OTHER', 0.01],
  ];
  const random = mulberry32(20201231);
  const pick = <T>(weights: Array<[T, number]>): T => {
    let r = random();
    for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
    return weights[0][0];
  };
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv5(`beneficiary-${i}`, NAMESPACE),
    country: pick(countries),
    sex: pick<Sex>([
      ['FEMALE', 0.94],
      ['MALE', 0.02],
      ['OTHER', 0.01],
      ['UNKNOWN', 0.03],
    ]),
    minor: random() < 0.38,
  }));
}

const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { referenceCode } }
}`;

let token: Promise<string> | undefined;
function accessToken(): Promise<string> {
  token ??= process.env.HAVEN_TOKEN
    ? Promise.resolve(process.env.HAVEN_TOKEN)
    : mintDevToken(ensureDevKeys(process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR), {
        role: 'admin',
        subject: 'seed-demo',
        ttlSeconds: 3600,
      });
  return token;
}

async function graphql(query: string, variables: object): Promise<void> {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-correlation-id': 'seed-demo',
      authorization: `Bearer ${await accessToken()}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
}

function progress(label: string, total: number) {
  const started = Date.now();
  let done = 0;
  let lastPrinted = -1;
  const render = () => {
    const ratio = done / total;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    } else if (Math.floor(ratio * 10) !== lastPrinted) {
      lastPrinted = Math.floor(ratio * 10);
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
  render();
  return {
    tick() {
      done++;
      render();
    },
    finish() {
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stderr.write(
        `${label}: ${done} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
  };
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  try {
    await fetch(GATEWAY.replace(/\/graphql$/, '/health/live'));
  } catch {
    console.error(
      `Haven does not answer at ${GATEWAY}. Start it first with \`npm start\`, or set HAVEN_GATEWAY_URL.`,
    );
    process.exit(2);
  }
  const beneficiaries = demoBeneficiaries();
  const bar = progress('beneficiaries', beneficiaries.length);
  await inParallel(beneficiaries, async (input) => {
    await graphql(REGISTER, { input });
    bar.tick();
  });
  bar.finish();
  console.log(`Demo data loaded through ${GATEWAY}.`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`\nSeeding stopped: ${error.message}`);
    process.exit(1);
  });
}
