// GET /reports/<year> (the page), /reports/<year>.csv and /reports/<year>.xlsx, with the
// caller's bearer token: each is the programmeReport query's answer to that caller, rendered.
// Query string: countries=TH,LA, asOf=<ISO instant>, lang=en|th|lo|my (the page).
import type { Application, Request, Response } from '../express';
import { fetchReport, ReportRefused } from './report-client';
import { reportCsv, reportXlsx } from './report-files';
import { LANGUAGES, type Language } from './report-labels';
import { reportPage } from './report-page';

const PATH = /^(\d{1,4})(?:\.(csv|xlsx))?$/;

export function mountReports(app: Application): void {
  app.get('/reports/:file', async (request: Request, response: Response) => {
    const match = PATH.exec(
      String((request as unknown as { params: { file: string } }).params.file),
    );
    if (!match) return response.status(404).type('text/plain').send('Not found.');
    const [, year, format] = match;
    const countries =
      typeof request.query.countries === 'string' && request.query.countries
        ? request.query.countries.split(',')
        : undefined;
    const asOf =
      typeof request.query.asOf === 'string' && request.query.asOf ? request.query.asOf : undefined;
    const language = LANGUAGES.find((code) => code === request.query.lang) ?? 'en';
    response.set('cache-control', 'no-store');
    try {
      const report = await fetchReport(request, { year: Number(year), countries, asOf });
      const name = `haven-report-${report.year}`;
      if (format === 'csv') {
        return response
          .type('text/csv; charset=utf-8')
          .set('content-disposition', `attachment; filename="${name}.csv"`)
          .send(reportCsv(report));
      }
      if (format === 'xlsx') {
        return response
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .set('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await reportXlsx(report));
      }
      const query = new URLSearchParams();
      if (countries) query.set('countries', countries.join(','));
      if (asOf) query.set('asOf', asOf);
      return response
        .type('text/html; charset=utf-8')
        .set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(reportPage(report, language as Language, query.toString()));
    } catch (error) {
      if (error instanceof ReportRefused) {
        return response.status(error.status).type('text/plain').send(error.message);
      }
      return response.status(502).type('text/plain').send('The report could not be produced.');
    }
  });
}
