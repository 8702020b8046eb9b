// (c) what a data-savvy auditor would write instead: DuckDB reads the same export and computes
// two of the rules in SQL — ZL-01 (veiligheidsbeoordeling within 5 werkdagen, with a werkdagen
// calendar table) and ZL-03 (lokale veld contact within 3 weeks of a direct handover) — as
// status counts per rule. argv: file, peildatum, closed days (comma list), route spellings.
import { DuckDBInstance } from '@duckdb/node-api';
const [file, asOf, closed, directSpellings] = process.argv.slice(2);
const list = (csv) => csv.split(',').map((s) => `'${s.replace(/'/g, "''")}'`).join(', ');
const sql = `
WITH m AS (
  SELECT * FROM read_csv('${file.replace(/'/g, "''")}', delim = ';', header = true, dateformat = '%d-%m-%Y')
),
days AS (
  SELECT CAST(d AS DATE) AS day,
         dayofweek(d) NOT IN (0, 6) AND CAST(d AS DATE) NOT IN (${list(closed)}) AS werkdag
  FROM generate_series(DATE '2000-01-01', DATE '2060-12-31', INTERVAL 1 DAY) t(d)
),
cal AS (
  SELECT day, sum(CASE WHEN werkdag THEN 1 ELSE 0 END) OVER (ORDER BY day) AS n FROM days
),
wd AS (SELECT n, min(day) AS day FROM cal GROUP BY n),
zl01 AS (
  SELECT m.veiligheidsbeoordeling_datum AS actual, wd.day AS due
  FROM m JOIN cal ON cal.day = m.melding_datum JOIN wd ON wd.n = cal.n + 5
),
zl03 AS (
  SELECT lokaal_team_contact_datum AS actual, overdracht_datum + 21 AS due
  FROM m WHERE lower(triage_besluit) IN (${list(directSpellings.toLowerCase())}) AND overdracht_datum IS NOT NULL
)
SELECT 'ZL-01' AS rule,
  count(*) FILTER (WHERE actual <= due) AS on_time, count(*) FILTER (WHERE actual > due) AS late,
  count(*) FILTER (WHERE actual IS NULL AND due < DATE '${asOf}') AS overdue,
  count(*) FILTER (WHERE actual IS NULL AND due >= DATE '${asOf}') AS pending
FROM zl01
UNION ALL
SELECT 'ZL-03',
  count(*) FILTER (WHERE actual <= due), count(*) FILTER (WHERE actual > due),
  count(*) FILTER (WHERE actual IS NULL AND due < DATE '${asOf}'),
  count(*) FILTER (WHERE actual IS NULL AND due >= DATE '${asOf}')
FROM zl03`;
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const result = await conn.runAndReadAll(sql);
for (const r of result.getRowObjects()) process.stdout.write(`${r.rule} on_time ${r.on_time} late ${r.late} overdue ${r.overdue} pending ${r.pending}\n`);
