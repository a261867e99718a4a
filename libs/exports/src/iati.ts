/**
 * An organization's projects as an IATI 2.03 activity file (`iati-activities`), validated against the
 * official XSD in test/iati.e2e-spec.ts. Pure: the service gathers the rows, this writes the XML.
 * Elements are written in the order the schema's sequences require. Mappings (docs/domain.md, "IATI
 * activity file"): project status → ActivityStatus, organization kind → OrganisationType, themes →
 * OECD DAC 3-digit sectors (vocabulary 2) plus the platform's own theme codes (vocabulary 99),
 * indicators → result/indicator with a baseline and one period per calendar year of measurements.
 */

export interface IatiOrganization {
  /** The IATI organisation identifier (registered, or the documented fallback). */
  ref: string;
  name: string;
  kind: string;
  /** ISO 639-1, for xml:lang of the narratives; null: not stated. */
  language: string | null;
}

export interface IatiMeasurement {
  value: number;
  measuredOn: string;
  note: string | null;
}

export interface IatiIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  createdAt: Date;
  measurements: IatiMeasurement[];
}

export interface IatiProject {
  id: string;
  title: string;
  summary: string;
  status: string;
  countries: string[];
  themes: Array<{ code: string; name: string }>;
  startDate: string | null;
  endDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  budgetAmount: string | null;
  budgetCurrency: string | null;
  locality: string | null;
  indicators: IatiIndicator[];
}

/** Project status → IATI ActivityStatus (1 Pipeline, 2 Implementation, 4 Closed, 5 Cancelled). */
export const ACTIVITY_STATUS: Record<string, string> = {
  IDEA: '1',
  PLANNING: '1',
  SEEKING_FUNDING: '1',
  ACTIVE: '2',
  COMPLETED: '4',
  CANCELLED: '5',
};

/** Organization kind → IATI OrganisationType. */
export const ORGANISATION_TYPE: Record<string, string> = {
  DIASPORA_ORGANIZATION: '22',
  MIGRANT_ASSOCIATION: '22',
  DIASPORA_NETWORK: '21',
  NGO: '22',
  FUNDER: '60',
  GOVERNMENT_AGENCY: '10',
  LOCAL_AUTHORITY: '11',
  TRAINING_PROVIDER: '80',
  PRIVATE_SECTOR: '70',
  ACADEMIC: '80',
  TRADE_UNION: '90',
  FAITH_BASED: '22',
  INTERNATIONAL_ORGANIZATION: '40',
};

/** Platform theme → OECD DAC 3-digit sector (IATI Sector vocabulary 2). */
export const THEME_DAC_SECTOR: Record<string, string> = {
  HIGHLY_SKILLED_MIGRATION: '151',
  LABOUR_MIGRATION: '151',
  DOMESTIC_WORK: '160',
  CIRCULAR_MIGRATION_AND_RETURN: '151',
  REMITTANCES: '240',
  DIASPORA_INVESTMENT: '250',
  ENTREPRENEURSHIP: '250',
  CAPACITY_BUILDING: '151',
  HUMAN_RIGHTS_AND_PROTECTION: '151',
  GENDER: '151',
  RECOGNITION_OF_QUALIFICATIONS: '114',
  IRREGULAR_MIGRATION_AND_TRAFFICKING: '151',
  CLIMATE_AND_DISPLACEMENT: '410',
  POLICY_COHERENCE: '151',
  EDUCATION: '111',
  HEALTH: '121',
  FINANCIAL_INCLUSION: '240',
  AGRICULTURE_AND_RURAL_DEVELOPMENT: '311',
  KNOWLEDGE_TRANSFER: '430',
};

/** Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `count` shares summing to exactly 100, two decimals each (IATI wants percentages per vocabulary to add up). */
export function shares(count: number): string[] {
  if (count === 0) return [];
  const base = Math.floor(10_000 / count) / 100;
  const last = Math.round((100 - base * (count - 1)) * 100) / 100;
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? last : base).toFixed(2));
}

const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));
const today = (now: Date) => now.toISOString().slice(0, 10);

class Xml {
  private readonly out: string[] = [];
  private depth = 0;
  open(name: string, attrs: Record<string, string | null | undefined> = {}, selfClose = false) {
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => ` ${k}="${xmlEscape(v as string)}"`)
      .join('');
    this.out.push(`${'  '.repeat(this.depth)}<${name}${a}${selfClose ? '/' : ''}>`);
    if (!selfClose) this.depth++;
    return this;
  }
  close(name: string) {
    this.depth--;
    this.out.push(`${'  '.repeat(this.depth)}</${name}>`);
    return this;
  }
  empty(name: string, attrs: Record<string, string | null | undefined>) {
    return this.open(name, attrs, true);
  }
  text(name: string, text: string, attrs: Record<string, string | null | undefined> = {}) {
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => ` ${k}="${xmlEscape(v as string)}"`)
      .join('');
    this.out.push(`${'  '.repeat(this.depth)}<${name}${a}>${xmlEscape(text)}</${name}>`);
    return this;
  }
  /** An element whose content is one narrative. */
  narrated(name: string, text: string, attrs: Record<string, string | null | undefined> = {}) {
    return this.open(name, attrs).text('narrative', text).close(name);
  }
  toString() {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${this.out.join('\n')}\n`;
  }
}

/** The activity identifier: the organisation identifier, a hyphen, the project's id. */
export const activityIdentifier = (orgRef: string, projectId: string) => `${orgRef}-${projectId}`;

export function iatiActivities(org: IatiOrganization, projects: readonly IatiProject[], now = new Date()): string {
  const x = new Xml();
  x.open('iati-activities', { version: '2.03', 'generated-datetime': now.toISOString() });
  for (const p of projects) activity(x, org, p, now);
  x.close('iati-activities');
  return x.toString();
}

function activity(x: Xml, org: IatiOrganization, p: IatiProject, now: Date) {
  x.open('iati-activity', {
    'last-updated-datetime': p.updatedAt.toISOString(),
    'xml:lang': org.language ?? undefined,
    'default-currency': p.budgetCurrency ?? undefined,
  });
  x.text('iati-identifier', activityIdentifier(org.ref, p.id));
  x.narrated('reporting-org', org.name, { ref: org.ref, type: ORGANISATION_TYPE[org.kind] ?? '90' });
  x.narrated('title', p.title);
  x.narrated('description', p.summary, { type: '1' });
  x.narrated('participating-org', org.name, { ref: org.ref, type: ORGANISATION_TYPE[org.kind] ?? '90', role: '4' });
  x.empty('activity-status', { code: ACTIVITY_STATUS[p.status] ?? '1' });
  for (const [type, date] of activityDates(p, today(now))) x.empty('activity-date', { type, 'iso-date': date });
  const countryShares = shares(p.countries.length);
  p.countries.forEach((code, i) => x.empty('recipient-country', { code, percentage: countryShares[i] }));
  const dac = [...new Set(p.themes.map((t) => THEME_DAC_SECTOR[t.code]).filter(Boolean))];
  const dacShares = shares(dac.length);
  dac.forEach((code, i) => x.empty('sector', { vocabulary: '2', code, percentage: dacShares[i] }));
  const ownShares = shares(p.themes.length);
  p.themes.forEach((t, i) =>
    x.narrated('sector', t.name, { vocabulary: '99', code: t.code, percentage: ownShares[i] }),
  );
  if (p.budgetAmount !== null && p.budgetCurrency && p.startDate && p.endDate) {
    x.open('budget', { type: '1', status: '1' });
    x.empty('period-start', { 'iso-date': p.startDate });
    x.empty('period-end', { 'iso-date': p.endDate });
    x.text('value', Number(p.budgetAmount).toFixed(2), { currency: p.budgetCurrency, 'value-date': p.startDate });
    x.close('budget');
  }
  if (p.indicators.length) {
    x.open('result', { type: '2', 'aggregation-status': 'false' });
    x.narrated('title', `Results of ${p.title}`);
    for (const indicator of p.indicators) resultIndicator(x, p, indicator);
    x.close('result');
  }
  x.close('iati-activity');
}

/**
 * activity-date: planned start (1) and end (3); actual start (2) once the project is under way
 * and the date has passed, actual end (4) once it is completed. Without a start date, the day the
 * project was registered stands as its planned start (IATI needs one date at least).
 */
function activityDates(p: IatiProject, todayDate: string): Array<[string, string]> {
  const dates: Array<[string, string]> = [];
  const started = p.status === 'ACTIVE' || p.status === 'COMPLETED';
  const start = p.startDate ?? p.createdAt.toISOString().slice(0, 10);
  dates.push(['1', start]);
  if (started && p.startDate && p.startDate <= todayDate) dates.push(['2', p.startDate]);
  if (p.endDate) {
    dates.push(['3', p.endDate]);
    if (p.status === 'COMPLETED' && p.endDate <= todayDate) dates.push(['4', p.endDate]);
  }
  return dates;
}

function resultIndicator(x: Xml, p: IatiProject, i: IatiIndicator) {
  const percentage = i.unit.trim() === '%';
  x.open('indicator', { measure: percentage ? '2' : '1', ascending: String(i.target >= i.baseline) });
  x.narrated('title', percentage ? i.name : `${i.name} (${i.unit})`);
  const baselineYear = (p.startDate ?? i.createdAt.toISOString()).slice(0, 4);
  x.empty('baseline', { year: String(Number(baselineYear)), value: number(i.baseline) });
  const byYear = new Map<string, IatiMeasurement>();
  for (const m of [...i.measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) {
    byYear.set(m.measuredOn.slice(0, 4), m); // the latest of each year
  }
  for (const [year, m] of byYear) {
    x.open('period');
    x.empty('period-start', { 'iso-date': `${year}-01-01` });
    x.empty('period-end', { 'iso-date': `${year}-12-31` });
    x.empty('target', { value: number(i.target) });
    if (m.note) {
      x.open('actual', { value: number(m.value) });
      x.narrated('comment', m.note);
      x.close('actual');
    } else x.empty('actual', { value: number(m.value) });
    x.close('period');
  }
  x.close('indicator');
}
