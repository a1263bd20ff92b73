// The services `npm start` runs, the supergraph is composed from, and the tests start.
// One line per service; the gateway finds each subgraph at http://127.0.0.1:<port>/graphql
// unless HAVEN_<NAME>_URL overrides it.
export const SUBGRAPHS = [
  {
    name: 'networks',
    port: 4001,
    main: 'apps/networks/src/main.ts',
    module: 'apps/networks/src/app.module.ts',
  },
  {
    name: 'protection',
    port: 4002,
    main: 'apps/protection/src/main.ts',
    module: 'apps/protection/src/app.module.ts',
  },
  {
    name: 'empowerment',
    port: 4003,
    main: 'apps/empowerment/src/main.ts',
    module: 'apps/empowerment/src/app.module.ts',
  },
  {
    name: 'legal',
    port: 4004,
    main: 'apps/legal/src/main.ts',
    module: 'apps/legal/src/app.module.ts',
  },
  {
    name: 'relief',
    port: 4005,
    main: 'apps/relief/src/main.ts',
    module: 'apps/relief/src/app.module.ts',
  },
];

export const GATEWAY = { name: 'gateway', port: 4000, main: 'apps/gateway/src/main.ts' };
