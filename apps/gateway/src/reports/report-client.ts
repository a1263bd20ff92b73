// The report as the gateway's own /graphql serves it to the caller: the same token, the same
// checks, the same suppression. Exports and the page are renderings of this one answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from '../express';
import { documentIdOf } from '../trusted-documents';

export const PROGRAMME_REPORT_DOCUMENT = readFileSync(
  path.resolve(__dirname, '../../trusted-documents/programme-report.graphql'),
  'utf8',
);
const DOCUMENT_ID = documentIdOf(PROGRAMME_REPORT_DOCUMENT);

export interface ReportLine {
  programme: string;
  figure: string;
  measure: string;
  breakdown: string | null;
  key: string | null;
  /** One per country of `countries`; null: suppressed. */
  values: Array<number | null>;
  total: number | null;
}

export interface ProgrammeReport {
  year: number;
  countries: string[];
  asOf: string;
  suppressed: boolean;
  k: number | null;
  programmes: string[];
  lines: ReportLine[];
}

/** A refusal to pass on: the HTTP status it maps to and the human message. */
export class ReportRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/** Asks the gateway itself (over loopback) for the report, with the caller's credentials. */
export async function fetchReport(
  request: Request,
  variables: { year: number; countries?: string[]; asOf?: string },
): Promise<ProgrammeReport> {
  const port = request.socket.localPort;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of ['authorization', 'x-request-id', 'x-correlation-id']) {
    const value = request.get(name);
    if (value) headers[name] = value;
  }
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ documentId: DOCUMENT_ID, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { programmeReport?: ProgrammeReport | null } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const report = body.data?.programmeReport;
  if (report) return report;
  const error = body.errors?.[0];
  const status =
    STATUS_OF[error?.extensions?.code ?? ''] ?? (response.status >= 400 ? response.status : 502);
  throw new ReportRefused(status, error?.message ?? 'The report could not be produced.');
}
