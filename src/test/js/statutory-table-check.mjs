// An independent second reading of the deadline table in StatutoryClockTableTest.java.
//
// The Java test checks the statutory clock against dates written in its table. This script recomputes every row of
// that table from its own reading of docs/legal-rules.md (the PERIODS below, written from the docs, not from
// regimes.yml) and its own date arithmetic, sharing no code with the Java side. Only the holiday lists are read from
// the shipped calendar files (data, not code). Any row where the two readings differ is printed and the script exits
// with 1; a table it cannot read exits with 2.
//
// Usage: node statutory-table-check.mjs <StatutoryClockTableTest.java> <holidays directory>

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = ['ACCESS', 'PORTABILITY', 'DELETION', 'CORRECTION', 'OPT_OUT', 'LIMIT_SENSITIVE', 'RESTRICTION', 'OBJECTION',
  'DECISION_REVIEW'];
const US_STATES_NOT_GRANTED = ['LIMIT_SENSITIVE', 'RESTRICTION', 'OBJECTION', 'DECISION_REVIEW'];
// docs/legal-rules.md#decision-review: Connecticut and Minnesota let a consumer question a profiling decision.
const QUESTIONS_PROFILING = ['LIMIT_SENSITIVE', 'RESTRICTION', 'OBJECTION'];

// d = calendar days, m = months, b = business days; roll: move an end on a non-working day to the next working day.
const days = (n, roll = false) => ({ unit: 'd', n, roll });
const months = (n) => ({ unit: 'm', n, roll: true });
const businessDays = (n) => ({ unit: 'b', n, roll: false });

// One entry per regime: calendar id, general period, extended total (null: none), acknowledgement, per-type periods,
// and the types the law does not grant (docs/legal-rules.md, "Response periods", "Extensions", "Request types").
const usState = (response, extended, notGranted = US_STATES_NOT_GRANTED) =>
  ({ calendar: 'US-FEDERAL', response, extended, notGranted });
const PERIODS = {
  GDPR: { calendar: 'EU', response: months(1), extended: months(3), notGranted: ['LIMIT_SENSITIVE'] },
  UK_GDPR: { calendar: 'UK-ENG-WLS', response: months(1), extended: months(3), notGranted: ['LIMIT_SENSITIVE'] },
  CCPA: {
    calendar: 'US-FEDERAL', response: days(45), extended: days(90), acknowledgement: businessDays(10),
    notGranted: ['RESTRICTION', 'OBJECTION', 'DECISION_REVIEW'],
    types: { OPT_OUT: { response: businessDays(15) }, LIMIT_SENSITIVE: { response: businessDays(15) } },
  },
  VCDPA: usState(days(45), days(90)),
  CPA: usState(days(45), days(90)),
  CTDPA: usState(days(45), days(90), QUESTIONS_PROFILING),
  TDPSA: usState(days(45), days(90)),
  UCPA: usState(days(45), days(90), ['CORRECTION', ...US_STATES_NOT_GRANTED]),
  OCPA: usState(days(45), days(90)),
  LGPD: { calendar: 'NONE', response: days(15), extended: null, notGranted: [] },
  PIPEDA: { calendar: 'NONE', response: days(30), extended: days(60), notGranted: ['DECISION_REVIEW'] },
  QUEBEC_LAW25: { calendar: 'NONE', response: days(30), extended: null, notGranted: [] },
  // docs/legal-rules.md#new-us-regimes: 45 days + 45 (Iowa 90 + 45); Iowa grants no correction.
  MTCDPA: usState(days(45), days(90)),
  IACDPA: usState(days(90), days(135), ['CORRECTION', ...US_STATES_NOT_GRANTED]),
  DPDPA: usState(days(45), days(90)),
  NEDPA: usState(days(45), days(90)),
  NHPA: usState(days(45), days(90)),
  NJDPA: usState(days(45), days(90)),
  TIPA: usState(days(45), days(90)),
  MNCDPA: usState(days(45), days(90), QUESTIONS_PROFILING),
  MODPA: usState(days(45), days(90)),
  INCDPA: usState(days(45), days(90)),
  KCDPA: usState(days(45), days(90)),
  RIDTPPA: usState(days(45), days(90)),
  // docs/legal-rules.md#new-international-regimes, #types-new-countries, #kr-roll.
  FADP: { calendar: 'CH', response: days(30), extended: null, notGranted: ['LIMIT_SENSITIVE'] },
  PIPA_KR: { calendar: 'KR', response: days(10, true), extended: null, notGranted: ['LIMIT_SENSITIVE'] },
  PDPA_SG: {
    calendar: 'SG', response: days(30), extended: null,
    notGranted: ['PORTABILITY', 'DELETION', 'LIMIT_SENSITIVE', 'RESTRICTION', 'OBJECTION', 'DECISION_REVIEW'],
  },
  POPIA: { calendar: 'ZA', response: days(30), extended: days(60), notGranted: ['PORTABILITY', 'LIMIT_SENSITIVE', 'RESTRICTION'] },
  KVKK: { calendar: 'TR', response: days(30), extended: null, notGranted: ['PORTABILITY', 'LIMIT_SENSITIVE', 'RESTRICTION'] },
  PDPA_TH: { calendar: 'TH', response: days(30), extended: null, notGranted: ['LIMIT_SENSITIVE', 'DECISION_REVIEW'] },
  PRIVACY_ACT_AU: {
    calendar: 'AU', response: days(30), extended: null,
    notGranted: ['PORTABILITY', 'DELETION', 'LIMIT_SENSITIVE', 'RESTRICTION', 'OBJECTION', 'DECISION_REVIEW'],
  },
  APPI: {
    calendar: 'JP', response: days(14), extended: null, notGranted: ['PORTABILITY', 'LIMIT_SENSITIVE', 'DECISION_REVIEW'],
  },
};

// Dates as UTC midnights; all arithmetic in whole days.
const DAY = 86400000;
const parse = (text) => {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new Error(`not a date: ${text}`);
  }
  return date;
};
const format = (date) => date.toISOString().slice(0, 10);
const addDays = (date, n) => new Date(date.getTime() + n * DAY);

function readCalendars(directory) {
  const calendars = {};
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.yml'))) {
    const text = readFileSync(join(directory, file), 'utf8');
    const id = text.match(/^id:\s*(\S+)/m)[1];
    const coverage = text.match(/^coverage:\s*\{from:\s*(\S+),\s*to:\s*(\S+)\}/m);
    const holidays = new Set([...text.matchAll(/^\s*-\s*\{date:\s*(\d{4}-\d{2}-\d{2})/gm)].map((match) => match[1]));
    calendars[id] = { holidays, from: coverage?.[1], to: coverage?.[2] };
  }
  return calendars;
}

function workingDay(calendar, date) {
  const text = format(date);
  if (calendar.from && (text < calendar.from || text > calendar.to)) {
    throw new Error(`no holiday data for ${text}`);
  }
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(text);
}

function periodEnd(period, start, calendar) {
  if (period.unit === 'b') {
    let date = start;
    for (let counted = 0; counted < period.n;) {
      date = addDays(date, 1);
      if (workingDay(calendar, date)) counted++;
    }
    return date;
  }
  let end;
  if (period.unit === 'm') {
    const month = start.getUTCMonth() + period.n;
    const lastDay = new Date(Date.UTC(start.getUTCFullYear(), month + 1, 0)).getUTCDate();
    end = new Date(Date.UTC(start.getUTCFullYear(), month, Math.min(start.getUTCDate(), lastDay)));
  } else {
    end = addDays(start, period.n);
  }
  while (period.roll && !workingDay(calendar, end)) end = addDays(end, 1);
  return end;
}

function expected(regime, type, start, calendars) {
  const policy = PERIODS[regime];
  if (!policy) throw new Error(`unknown regime ${regime}`);
  const granted = !policy.notGranted.includes(type);
  const rule = (granted && policy.types?.[type]) || policy;
  const calendar = calendars[policy.calendar];
  const due = periodEnd(rule.response, start, calendar);
  const extended = rule === policy && policy.extended ? periodEnd(policy.extended, start, calendar) : due;
  const acknowledgement = granted && rule === policy && policy.acknowledgement
    ? format(periodEnd(policy.acknowledgement, start, calendar)) : '';
  return { due: format(due), extendedDue: format(extended), acknowledgeBy: acknowledgement, statutoryRight: String(granted) };
}

function tableRows(javaSource) {
  const block = javaSource.match(/CASES = """([\s\S]*?)""";/);
  if (!block) throw new Error('no CASES text block found');
  return block[1].split('\n').map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')).slice(1)
    .map((line) => line.split('|').map((cell) => cell.trim()));
}

function main([tableFile, holidaysDirectory]) {
  if (!tableFile || !holidaysDirectory) {
    console.error('usage: node statutory-table-check.mjs <StatutoryClockTableTest.java> <holidays directory>');
    return 2;
  }
  let rows;
  let calendars;
  try {
    rows = tableRows(readFileSync(tableFile, 'utf8'));
    calendars = readCalendars(holidaysDirectory);
  } catch (error) {
    console.error(`cannot read the table or the calendars: ${error.message}`);
    return 2;
  }
  const covered = new Set();
  let differences = 0;
  for (const [regime, type, clockStart, due, extendedDue, acknowledgeBy, statutoryRight] of rows) {
    covered.add(`${regime}/${type}`);
    let mine;
    try {
      mine = expected(regime, type, parse(clockStart), calendars);
    } catch (error) {
      console.log(`DIFF ${regime} ${type} ${clockStart}: ${error.message}`);
      differences++;
      continue;
    }
    const table = { due, extendedDue, acknowledgeBy, statutoryRight };
    for (const column of Object.keys(table)) {
      if (table[column] !== mine[column]) {
        console.log(`DIFF ${regime} ${type} ${clockStart}: ${column} is ${table[column] || '(empty)'} in the table, `
          + `${mine[column] || '(empty)'} by this script`);
        differences++;
      }
    }
  }
  for (const regime of Object.keys(PERIODS)) {
    for (const type of TYPES) {
      if (!covered.has(`${regime}/${type}`)) {
        console.log(`MISSING ${regime} ${type}: the table has no row`);
        differences++;
      }
    }
  }
  console.log(`${rows.length} rows checked, ${differences} difference(s)`);
  return differences === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
