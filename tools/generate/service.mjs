// `npm run generate:service -- --name <name>`: a new programme service, wired everywhere a
// service is registered, ready for its first decider, resolver and projection:
//
//   apps/<name>/                      the subgraph (AppModule, main.ts, policies, a status spec)
//   libs/<name>/{contracts,domain,read-models}/   its libraries, with project tags
//   tsconfig.base.json                the three import paths
//   tools/services.json               the registry entry, with the next free port (main.ts and
//                                     npm start read it; the supergraph composes from it)
//   tools/migrate.ts                  its schema's migrations
//   eslint.config.mjs                 its module-boundary scope
//
// `--root DIR` writes into another checkout (the generator's own test uses a copy).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const NAME = /^[a-z][a-z0-9]{1,30}$/;

function usage(message) {
  process.stderr.write(
    `${message}\nusage: npm run generate:service -- --name <name> (lower-case letters and digits)\n`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: { name: { type: 'string' }, root: { type: 'string' } },
  strict: true,
});
const name = values.name;
if (!name || !NAME.test(name)) usage('--name must be 2–31 lower-case letters or digits.');
const root = path.resolve(
  values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'),
);
const Name = name[0].toUpperCase() + name.slice(1);
const CONST = name.toUpperCase();

const read = (file) => readFileSync(path.join(root, file), 'utf8');
const registry = JSON.parse(read('tools/services.json'));
if (
  registry.subgraphs.some((entry) => entry.name === name) ||
  existsSync(path.join(root, 'apps', name))
) {
  usage(`A service named ${name} exists already.`);
}
const ports = [...registry.subgraphs.map((entry) => entry.port), registry.gateway.port];
const port = Math.max(...ports) + 1;

const written = new Set();

/** Writes a new file (never over an existing one). */
function create(file, text) {
  written.add(file);
  const target = path.join(root, file);
  if (existsSync(target)) usage(`${file} exists already.`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`created  ${file}`);
}

/** Inserts `text` before the first match of `anchor` in a registered file. */
function insertBefore(file, anchor, text) {
  const content = read(file);
  const at = content.indexOf(anchor);
  if (at < 0) usage(`${file}: cannot find where to register the service (${anchor.trim()}).`);
  writeFileSync(path.join(root, file), content.slice(0, at) + text + content.slice(at));
  written.add(file);
  console.log(`updated  ${file}`);
}

const project = (projectName, sourceRoot, projectType, tags, depth) =>
  `${JSON.stringify(
    {
      name: projectName,
      $schema: `${'../'.repeat(depth)}node_modules/nx/schemas/project-schema.json`,
      sourceRoot,
      projectType,
      tags,
    },
    null,
    2,
  )}\n`;

// ---- Libraries. --------------------------------------------------------------------------
create(
  `libs/${name}/contracts/project.json`,
  project(
    `${name}-contracts`,
    `libs/${name}/contracts/src`,
    'library',
    [`scope:${name}`, 'type:contracts'],
    3,
  ),
);
create(
  `libs/${name}/contracts/src/index.ts`,
  `// What other services and Kafka consumers may rely on about ${name}: stream ids and its
// integration events only, each versioned, with no personal data (ADR 14).
export const ${CONST}_INTEGRATION_EVENT_TYPES: readonly string[] = [];
`,
);
create(
  `libs/${name}/domain/project.json`,
  project(
    `${name}-domain`,
    `libs/${name}/domain/src`,
    'library',
    [`scope:${name}`, 'type:domain'],
    3,
  ),
);
create(
  `libs/${name}/domain/src/index.ts`,
  `// ${Name}'s deciders: pure functions on the kernel (@haven/platform/domain), one file each,
// with a given/when/then spec beside it. Export each decider from here.
export {};
`,
);
create(
  `libs/${name}/read-models/project.json`,
  project(
    `${name}-read-models`,
    `libs/${name}/read-models/src`,
    'library',
    [`scope:${name}`, 'type:read-models'],
    3,
  ),
);
create(
  `libs/${name}/read-models/src/index.ts`,
  `// ${Name}'s read models, registered in one place: the app's DataSource takes the entities, its
// runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';

export const ${CONST}_ENTITIES: Array<new () => object> = [];
export const ${CONST}_PROJECTIONS: Projection[] = [];
export const ${CONST}_MIGRATIONS: MigrationSet = { schema: '${name}', migrations: [] };
`,
);

// ---- The app. ----------------------------------------------------------------------------
create(
  `apps/${name}/project.json`,
  project(name, `apps/${name}/src`, 'application', [`scope:${name}`, 'type:app'], 2),
);
create(
  `apps/${name}/src/main.ts`,
  `import { bootstrapService } from '@haven/platform/nest';
import { AppModule } from './app.module';

void bootstrapService({ name: '${name}', module: AppModule });
`,
);
create(
  `apps/${name}/src/app.module.ts`,
  `import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import {
  ${CONST}_ENTITIES,
  ${CONST}_PROJECTIONS,
} from '@haven/${name}/read-models';

/** ${Name}. Add each resolver to \`providers\`. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: '${name}',
      database: { entities: ${CONST}_ENTITIES, projections: ${CONST}_PROJECTIONS },
    }),
  ],
  providers: [],
})
export class AppModule {}
`,
);
create(
  `apps/${name}/src/policies.ts`,
  `import { allow } from '@haven/platform/security';

/** Who may do what in ${name}: each resolver names its policy from here. */
export const ${Name}Policy = {
  /** A mutation's payload: whoever may make the mutation may read its plain fields. */
  payload: allow('any'),
} as const;
`,
);
create(
  `apps/${name}/src/${name}.int-spec.ts`,
  `import { startTestService, type TestService } from '@haven/platform/nest/testing';
import { ${CONST}_MIGRATIONS } from '@haven/${name}/read-models';
import { AppModule } from './app.module';

let service: TestService;

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [${CONST}_MIGRATIONS] });
});

afterAll(async () => {
  await service?.close();
});

it('answers ${name}Status once its database is connected', async () => {
  const response = await service.graphql<{ ${name}Status: { ready: boolean } }>(
    '{ ${name}Status { ready } }',
  );
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.${name}Status.ready).toBe(true);
});
`,
);

// ---- Registrations. ----------------------------------------------------------------------
const tsconfig = JSON.parse(read('tsconfig.base.json'));
for (const lib of ['contracts', 'domain', 'read-models']) {
  tsconfig.compilerOptions.paths[`@haven/${name}/${lib}`] = [`libs/${name}/${lib}/src/index.ts`];
}
writeFileSync(path.join(root, 'tsconfig.base.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
written.add('tsconfig.base.json');
console.log('updated  tsconfig.base.json');

registry.subgraphs.push({
  name,
  port,
  main: `apps/${name}/src/main.ts`,
  module: `apps/${name}/src/app.module.ts`,
});
writeFileSync(path.join(root, 'tools/services.json'), `${JSON.stringify(registry, null, 2)}\n`);
written.add('tools/services.json');
console.log(`updated  tools/services.json (port ${port})`);

insertBefore(
  'tools/migrate.ts',
  "\n/** Each service's own schema",
  `import { ${CONST}_MIGRATIONS } from '@haven/${name}/read-models';\n`,
);
insertBefore('tools/migrate.ts', '];\n\nasync function main', `  ${CONST}_MIGRATIONS,\n`);
insertBefore('eslint.config.mjs', "  'gateway',\n", `  '${name}',\n`);

// Written in the repository's own style, so that `npm run format:check` passes as generated.
const prettier = await import('prettier');
for (const file of written) {
  const target = path.join(root, file);
  const options = (await prettier.resolveConfig(target)) ?? {};
  writeFileSync(
    target,
    await prettier.format(readFileSync(target, 'utf8'), { ...options, filepath: target }),
  );
}

console.log(
  `\n${name} is registered on port ${port}. Next: a decider in libs/${name}/domain, a resolver in\n` +
    `apps/${name}/src, a projection in libs/${name}/read-models; then \`npm run supergraph:compose\`.`,
);
