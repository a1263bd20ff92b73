// The report as a table file: one row per line of the report (programme, figure, breakdown,
// key), one column per country of operation and the total; a suppressed cell is left empty.
import ExcelJS from 'exceljs';
import type { ProgrammeReport } from './report-client';

/** The header and rows both files share. */
export function reportTable(report: ProgrammeReport): Array<Array<string | number | null>> {
  return [
    ['programme', 'figure', 'measure', 'breakdown', 'key', ...report.countries, 'total'],
    ...report.lines.map((line) => [
      line.programme,
      line.figure,
      line.measure,
      line.breakdown,
      line.key,
      ...line.values,
      line.total,
    ]),
  ];
}

/** RFC 4180: fields with a comma, quote or line break quoted, quotes doubled; CRLF lines. */
export function reportCsv(report: ProgrammeReport): string {
  const field = (value: string | number | null) => {
    if (value === null) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    reportTable(report)
      .map((row) => row.map(field).join(','))
      .join('\r\n') + '\r\n'
  );
}

/** A workbook: the table on `Report`, and what it is (year, as of, suppression) on `About`. */
export async function reportXlsx(report: ProgrammeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Haven';
  const sheet = workbook.addWorksheet('Report');
  for (const row of reportTable(report)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('About');
  about.addRows([
    ['year', report.year],
    ['asOf', report.asOf],
    ['countries', report.countries.join(' ')],
    ['suppressed', report.suppressed ? `cells below ${report.k} are empty` : 'no'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
