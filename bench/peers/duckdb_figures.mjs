// DuckDB peer of ctreport for bench/run.sh: the core figures of one calendar year,
// computed in SQL by DuckDB (through @duckdb/node-api), printed as JSON with the same
// keys as pandas_figures.py.
//
// Usage: node bench/peers/duckdb_figures.mjs FILE YEAR
// FILE is a UTF-8 CSV export with the headers written by ctreport-gen (`;`-separated,
// dd/mm/yyyy dates). Needs `npm install` in bench/peers. The rules are those of
// docs/figures.md; see pandas_figures.py for the list of figures.

import { DuckDBInstance } from '@duckdb/node-api';

const [file, yearText] = process.argv.slice(2);
if (!file || !/^\d{4}$/.test(yearText ?? '')) {
  console.error('usage: duckdb_figures.mjs FILE YEAR');
  process.exit(2);
}
const year = Number(yearText);
const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

// The export's 12 columns, in order, under ASCII names.
const columns = `{
  'person_id': 'VARCHAR', 'sex': 'VARCHAR', 'birth_date': 'DATE', 'entry': 'DATE',
  'exit': 'DATE', 'referral': 'VARCHAR', 'origin': 'VARCHAR', 'exit_reason': 'VARCHAR',
  'housing': 'VARCHAR', 'activity': 'VARCHAR', 'stage': 'VARCHAR', 'observations': 'VARCHAR'}`;

const setup = `
CREATE TEMP TABLE stays AS
SELECT coalesce(person_id, 'row-' || row_number() OVER ()) AS person_id,
       sex, birth_date, entry, exit, referral, housing
FROM read_csv(${sqlString(file)}, delim = ';', header = true, quote = '"', escape = '"',
              dateformat = '%d/%m/%Y', columns = ${columns});

CREATE TEMP TABLE period AS
SELECT make_date(${year}, 1, 1) AS p_start, make_date(${year}, 12, 31) AS p_end;

-- Stays overlapping the year, with their nights inside it.
CREATE TEMP TABLE overlapping AS
SELECT s.*,
       greatest(0, least(coalesce(s.exit, p_end + 1), p_end + 1) - greatest(s.entry, p_start)) AS nights
FROM stays s, period
WHERE s.entry <= p_end AND (s.exit IS NULL OR s.exit >= p_start);

-- Each person's latest overlapping stay.
CREATE TEMP TABLE latest AS
SELECT * FROM overlapping
QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY entry DESC) = 1;

CREATE TEMP TABLE exited AS
SELECT s.* FROM stays s, period WHERE s.exit BETWEEN p_start AND p_end;
`;

const queries = {
  totals: `
    SELECT count(DISTINCT person_id) AS people_present, sum(nights) AS bed_days FROM overlapping`,
  stays_exited: `SELECT count(*) AS n FROM exited`,
  sex: `
    SELECT CASE WHEN sex IS NULL THEN 'unknown'
                WHEN lower(trim(sex)) IN ('f', 'femme') THEN 'F'
                WHEN lower(trim(sex)) IN ('h', 'm', 'homme') THEN 'M'
                WHEN lower(trim(sex)) IN ('x', 'autre') THEN 'X'
                ELSE 'other' END AS k, count(*) AS n
    FROM latest GROUP BY k`,
  age_brackets: `
    WITH a AS (
      SELECT year(entry) - year(birth_date)
             - CASE WHEN month(entry) * 100 + day(entry) < month(birth_date) * 100 + day(birth_date)
                    THEN 1 ELSE 0 END AS age
      FROM latest)
    SELECT CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 29 THEN '0-29' WHEN age <= 39 THEN '30-39'
                WHEN age <= 49 THEN '40-49' ELSE '50+' END AS k, count(*) AS n
    FROM a GROUP BY k`,
  // Adding calendar months clamps to the end of the month (31/01 + 1 month = 29/02).
  stay_length_brackets: `
    SELECT CASE WHEN exit <= entry + INTERVAL 1 MONTH THEN '0-1m'
                WHEN exit <= entry + INTERVAL 3 MONTH THEN '1-3m'
                WHEN exit <= entry + INTERVAL 6 MONTH THEN '3-6m'
                WHEN exit <= entry + INTERVAL 12 MONTH THEN '6-12m'
                WHEN exit <= entry + INTERVAL 24 MONTH THEN '12-24m'
                ELSE '24m+' END AS k, count(*) AS n
    FROM exited GROUP BY k`,
  referral: `
    SELECT coalesce(lower(trim(referral)), '(missing)') AS k, count(*) AS n FROM latest GROUP BY k`,
  housing_at_exit: `
    SELECT coalesce(lower(trim(housing)), '(missing)') AS k, count(*) AS n FROM exited GROUP BY k`,
};

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(setup);
} catch (error) {
  console.error(`duckdb_figures: cannot read ${file}: ${error.message.split('\n')[0]}`);
  console.error('(DuckDB reads UTF-8 only: convert a Windows-1252 file with iconv -f cp1252 -t utf-8)');
  process.exit(1);
}

const rows = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
const distribution = async (sql) => {
  const out = {};
  for (const { k, n } of await rows(sql)) out[k] = Number(n);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const [totals] = await rows(queries.totals);
const [exitedCount] = await rows(queries.stays_exited);
const result = {
  age_brackets: await distribution(queries.age_brackets),
  bed_days: Number(totals.bed_days ?? 0),
  housing_at_exit: await distribution(queries.housing_at_exit),
  people_present: Number(totals.people_present),
  referral: await distribution(queries.referral),
  sex: await distribution(queries.sex),
  stay_length_brackets: await distribution(queries.stay_length_brackets),
  stays_exited: Number(exitedCount.n),
  tool: 'duckdb',
  year,
};
connection.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
