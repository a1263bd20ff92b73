import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExportVerifier } from './export-verifier';
import { verifyExportFile } from './verify-file';

/** What ExportVerifier says of the text's lines fed one by one (split as the file reader does). */
function lineByLine(text: string) {
  const verifier = new ExportVerifier();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) verifier.line(line.endsWith('\r') ? line.slice(0, -1) : line);
  return verifier.finish();
}

describe('reading an export file in batches, in this thread or in workers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'haven-verify-lines-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Batches of 7 bytes cut lines, and characters of several bytes, anywhere.
  it.each([
    ['empty lines, a lone carriage return, CRLF', '\n\r\n{"kind":"end"}\r\n\r\n[]\n'],
    ['characters of several bytes', '{"kind":"héader"}\n"ünïcödé 😀"\n😀😀😀\n{"a":"€"}'],
    ['a line far longer than a batch', `${'x'.repeat(5000)}\n{"kind":"end","lines":1}\n[1]`],
    ['no newline at all', '{"kind":"event"'],
  ])('given %s, then every way reads the same lines and reports them alike', async (_, text) => {
    const file = path.join(dir, `${_.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, text);
    const expected = lineByLine(text);
    expect(expected.problemCount).toBeGreaterThan(0);
    for (const options of [
      { workers: 0 },
      { workers: 1, batchBytes: 7 },
      { workers: 2 },
      { workers: 3, batchBytes: 7 },
    ]) {
      expect({ options, report: await verifyExportFile(file, options) }).toEqual({
        options,
        report: expected,
      });
    }
  });
});
