// The report as a page: server-rendered HTML with its own styles (no script, no CDN, no font
// download), bar charts drawn with CSS, and print styles so the browser prints it to PDF.
import type { ProgrammeReport, ReportLine } from './report-client';
import {
  BREAKDOWN_NAMES,
  COUNTRY_NAMES,
  FIGURE_NAMES,
  KEY_NAMES,
  label,
  LANGUAGES,
  PROGRAMME_NAMES,
  UI,
  type Language,
} from './report-labels';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A value as shown: digits grouped, or – when suppressed. */
const shown = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US'));

const STYLE = `
  body { font-family: "Noto Sans", "Noto Sans Thai", "Loma", "Noto Sans Lao", "Phetsarath OT",
    "Noto Sans Myanmar", "Padauk", sans-serif; margin: 2rem; color: #1d1d1f; }
  h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #444; margin-top: 2rem; }
  h3 { margin: 1.4rem 0 .4rem; font-size: 1.05rem; }
  .meta, .note { color: #555; font-size: .9rem; }
  nav a { margin-right: .8rem; }
  table { border-collapse: collapse; margin: .3rem 0 .6rem; font-size: .9rem; }
  th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  tr.total td { font-weight: bold; }
  .chart { width: 32rem; max-width: 100%; }
  .bar-row { display: flex; align-items: center; margin: .15rem 0; font-size: .85rem; }
  .bar-row span.name { width: 9rem; }
  .bar { height: .9rem; background: #2f6db5; margin-right: .4rem;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .figure { break-inside: avoid; }
  @media print { nav { display: none; } body { margin: 0; } h2 { break-before: auto; } }
`;

export function reportPage(report: ProgrammeReport, language: Language, query: string): string {
  const t = (words: Record<Language, string>) => words[language];
  const countryHeads = report.countries
    .map((country) => `<th>${escape(label(COUNTRY_NAMES, country, language))}</th>`)
    .join('');
  const sections = [...report.programmes, 'all'].map((programme) => {
    const figures = [
      ...new Set(report.lines.filter((l) => l.programme === programme).map((l) => l.figure)),
    ];
    const body = figures.map((figure) =>
      figureBlock(
        report,
        programme,
        figure,
        report.lines.filter((l) => l.programme === programme && l.figure === figure),
        language,
        countryHeads,
      ),
    );
    return `<section data-programme="${escape(programme)}">
      <h2>${escape(label(PROGRAMME_NAMES, programme, language))}</h2>${body.join('')}</section>`;
  });
  const languages = LANGUAGES.map(
    (code) =>
      `<a href="?${escape(withLanguage(query, code))}" hreflang="${code}">${code.toUpperCase()}</a>`,
  ).join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<title>${escape(t(UI.title))} ${report.year}</title><style>${STYLE}</style></head>
<body>
<nav aria-label="${escape(t(UI.language))}">${languages}
  <a href="${report.year}.csv?${escape(query)}">CSV</a><a href="${report.year}.xlsx?${escape(query)}">XLSX</a></nav>
<h1 data-year="${report.year}">${escape(t(UI.title))} ${report.year}</h1>
<p class="meta">${escape(t(UI.asOf))} ${escape(report.asOf)}</p>
${report.suppressed ? `<p class="note">${escape(t(UI.suppressed).replace(/\{k\}/g, String(report.k)))}</p>` : ''}
${programmeChart(report, language)}
${sections.join('\n')}
</body></html>`;
}

function figureBlock(
  report: ProgrammeReport,
  programme: string,
  figure: string,
  lines: ReportLine[],
  language: Language,
  countryHeads: string,
): string {
  const rows = lines.map((line) => {
    const name =
      line.breakdown === null
        ? UI.total[language]
        : `${label(BREAKDOWN_NAMES, line.breakdown, language)}: ${label(KEY_NAMES, line.key ?? '', language)}`;
    const cells = line.values
      .map((value, i) => `<td data-country="${report.countries[i]}">${shown(value)}</td>`)
      .join('');
    return `<tr class="${line.breakdown === null ? 'total' : ''}" data-breakdown="${escape(line.breakdown ?? '')}" data-key="${escape(line.key ?? '')}">
      <td>${escape(name)}</td>${cells}<td data-country="TOTAL">${shown(line.total)}</td></tr>`;
  });
  const total = lines.find((line) => line.breakdown === null);
  return `<div class="figure" data-figure="${escape(programme)}.${escape(figure)}">
    <h3>${escape(label(FIGURE_NAMES, figure, language))}</h3>
    ${total ? bars(report.countries.map((c, i) => [label(COUNTRY_NAMES, c, language), total.values[i]])) : ''}
    <table><thead><tr><th></th>${countryHeads}<th>${escape(UI.total[language])}</th></tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>`;
}

/** Horizontal bars, scaled to the largest value; a suppressed value has no bar. */
function bars(items: Array<[string, number | null]>): string {
  const max = Math.max(1, ...items.map(([, value]) => value ?? 0));
  return `<div class="chart" role="img">${items
    .map(
      ([name, value]) => `<div class="bar-row"><span class="name">${escape(name)}</span>
        <div class="bar" style="width:${(((value ?? 0) / max) * 20).toFixed(2)}rem"></div>${shown(value)}</div>`,
    )
    .join('')}</div>`;
}

/** Beneficiaries (each once) of each programme, by country. */
function programmeChart(report: ProgrammeReport, language: Language): string {
  const lines = report.lines.filter(
    (l) => l.figure === 'uniqueBeneficiaries' && l.breakdown === 'programme',
  );
  const groups = report.countries.map(
    (country, i) =>
      `<h3>${escape(label(COUNTRY_NAMES, country, language))}</h3>${bars(
        lines.map((line) => [label(PROGRAMME_NAMES, line.key ?? '', language), line.values[i]]),
      )}`,
  );
  return `<section class="figure" data-chart="country-programme"><h2>${escape(UI.byCountryAndProgramme[language])}</h2>${groups.join('')}</section>`;
}

function withLanguage(query: string, language: Language): string {
  const params = new URLSearchParams(query);
  params.set('lang', language);
  return params.toString();
}
