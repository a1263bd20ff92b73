import { auditFixture, verifyText, type AuditFixture } from '../testing/audit-fixture';
import type { ExportLine } from '../export/export-lines';
import { exportEventLogPage, ExportRangeError, type ExportOptions } from './exporter';

const NOW = () => new Date('2026-12-06T00:00:00.000Z');

describe('an export in pages, as the API serves it (PostgreSQL)', () => {
  let f: AuditFixture;
  let options: ExportOptions;
  /** Every page from the first, following the cursors, as the export tool does. */
  const allPages = async (maxEvents: number, range: Partial<ExportOptions> = {}) => {
    const pages: Array<{ lines: ExportLine[]; events: number }> = [];
    let after: string | null = null;
    do {
      const page = await exportEventLogPage(f.pool, { ...options, ...range, maxEvents }, after);
      pages.push(page);
      after = page.nextPage;
    } while (after);
    return pages;
  };
  const text = (lines: ExportLine[]) => lines.map((line) => JSON.stringify(line));

  beforeAll(async () => {
    f = await auditFixture({ checkpointEveryLeaves: 5 });
    options = { publicKeyPem: f.signer.publicKeyPem, keyId: f.signer.keyId, now: NOW };
    await f.append('case-a', 9);
    await f.append('case-b', 7);
    await f.append('case-a', 7);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
  });
  afterAll(() => f.close());

  it('given a log of 23 events, when it is exported 5 events a page, then the pages put together are exactly the export made in one piece, and it verifies', async () => {
    const pages = await allPages(5);
    expect(pages.map((page) => page.events)).toEqual([5, 5, 5, 5, 3]);
    const joined = pages.flatMap((page) => text(page.lines));
    expect(joined).toEqual(await f.exportText({ now: NOW }));
    expect(pages.slice(0, -1).every((page) => page.lines.every((l) => l.kind !== 'end'))).toBe(
      true,
    );
    expect(verifyText(joined, { publicKeyPem: f.signer.publicKeyPem })).toMatchObject({
      ok: true,
      events: 23,
    });
  });

  it('pages a range too, with the range proof and anchors on its first page', async () => {
    const pages = await allPages(4, { fromPosition: 6, toPosition: 20 });
    expect(pages.map((page) => page.events)).toEqual([4, 4, 4, 3]);
    const joined = pages.flatMap((page) => text(page.lines));
    expect(joined).toEqual(await f.exportText({ now: NOW, fromPosition: 6, toPosition: 20 }));
    expect(verifyText(joined).ok).toBe(true);
  });

  it('given the log grows and a newer checkpoint is signed between two pages, then the next pages still prove against the first page’s checkpoint', async () => {
    const first = await exportEventLogPage(f.pool, { ...options, maxEvents: 10 });
    await f.append('case-c', 6);
    await f.follower.catchUp();
    await f.follower.checkpointIfGrown();
    const rest = await exportEventLogPage(f.pool, { ...options, maxEvents: 100 }, first.nextPage);
    expect(rest.nextPage).toBeNull();
    expect(first.events + rest.events).toBe(23);
    const report = verifyText(text([...first.lines, ...rest.lines]));
    expect(report).toMatchObject({ ok: true, events: 23, head: { size: 23 } });
  });

  it('given a page dropped from the middle, when the pages are verified together, then the gap is found', async () => {
    const pages = await allPages(5);
    const withoutOne = [...pages.slice(0, 2), ...pages.slice(3)].flatMap((p) => text(p.lines));
    expect(verifyText(withoutOne).ok).toBe(false);
  });

  it.each([
    ['not base64 JSON', 'nonsense'],
    ['the wrong shape', Buffer.from('[1,2,3]').toString('base64url')],
    ['a checkpoint that was never signed', Buffer.from('[1,1,5,0,999,3]').toString('base64url')],
  ])('refuses a cursor that is %s', async (_name, cursor) => {
    await expect(exportEventLogPage(f.pool, { ...options, maxEvents: 5 }, cursor)).rejects.toThrow(
      ExportRangeError,
    );
  });
});
