// Preloaded (`-r`) in the relay's worker thread when the relay runs as TypeScript: compiles the
// worker's TypeScript with swc, with the options that the relay's thread worked out from the
// project's tsconfig. @swc-node/register would work them out again in the thread, loading the
// TypeScript compiler to read the tsconfig: about 0.46 s of every relay start (ADR 15).
const { workerData } = require('node:worker_threads');
const { addHook } = require('pirates');
const { transformSync } = require('@swc-node/core');

const options = workerData.swcOptions;
addHook((code, filename) => transformSync(code, filename, options).code, { exts: ['.ts'] });
