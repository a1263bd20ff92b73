// Lints the given files with ESLint's Node API and the repo's eslint.config.mjs (ignores off) and
// prints the results as JSON on the last line of stdout; lines before it are what plugins printed.
// module-boundaries.spec.ts runs this in a child process because, inside Jest's VM, ESLint cannot
// `import()` an ESM config without --experimental-vm-modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/lint-fixtures/lint-files.mjs FILE...');
  process.exit(2);
}

const eslint = new ESLint({ cwd: repoRoot, ignore: false });
const results = await eslint.lintFiles(files);
const payload = results.map(({ filePath, messages }) => ({
  filePath,
  messages: messages.map(({ ruleId, severity, message, line }) => ({
    ruleId,
    severity,
    message,
    line,
  })),
}));
process.stdout.write(`\n${JSON.stringify(payload)}\n`);
