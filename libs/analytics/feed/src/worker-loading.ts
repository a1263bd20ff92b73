import { createRequire } from 'node:module';
import path from 'node:path';

/** What the relay's worker thread is started with, so that it can load this folder's code. */
export interface WorkerLoading {
  execArgv: string[];
  /** swc's options for the worker's TypeScript (worker-register.cjs), when it runs as such. */
  swcOptions?: object;
}

let loading: WorkerLoading | undefined;

/**
 * Built, the worker runs JavaScript as it is. Run as TypeScript (services, Jest), it compiles its
 * code with swc, with the options of this thread's tsconfig, worked out here once: in the worker,
 * @swc-node/register would load the TypeScript compiler to read them (worker-register.cjs).
 */
export function workerLoading(): WorkerLoading {
  // The same for every worker this process starts: worked out at the first.
  loading ??= workOutLoading();
  return loading;
}

function workOutLoading(): WorkerLoading {
  if (path.extname(__filename) !== '.ts') return { execArgv: [] };
  const load = createRequire(__filename);
  const tsconfig = load(
    '@swc-node/register/read-default-tsconfig',
  ) as typeof import('@swc-node/register/read-default-tsconfig');
  const { ModuleKind } = load('typescript') as typeof import('typescript');
  // As @swc-node/register compiles: the project's options, as CommonJS modules.
  // (`fallbackToTs` is only ever a caller's own option: the tsconfig never sets it.)
  const { fallbackToTs: _none, ...options } = tsconfig.readDefaultTsConfig();
  const compilerOptions = { ...options, module: ModuleKind.CommonJS };
  return {
    execArgv: ['-r', load.resolve('./worker-register.cjs')],
    swcOptions: tsconfig.tsCompilerOptionsToSwcConfig(compilerOptions, __filename),
  };
}
