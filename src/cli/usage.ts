/** Help texts, one per command; `buurtbalans --help` prints the overview. */
export const OVERVIEW = `Buurtbalans — livability and resilience per neighbourhood

Usage: buurtbalans <command> [options]

Commands:
  serve                     Start the web app and API (default http://127.0.0.1:3000)
  migrate                   Bring the database schema up to date
  demo [--remove]           Reload the fictional demo data (or remove it)
  areas list                List areas  [--level L] [--parent CODE] [--boundary-year N] [--json]
  areas show <code>         One area with hierarchy and bounding box  [--boundary-year N] [--json]
  indicators list           The indicator catalogue  [--json]
  values <area-code>        Figures of one area  [--year N] [--boundary-year N] [--json]

Settings come from the environment: PORT, HOST, BUURTBALANS_DATA_DIR (embedded database,
default ./data) or DATABASE_URL (a PostgreSQL server). See .env.example.
Run 'buurtbalans <command> --help' for details. Exit codes: 0 ok, 1 failure, 2 usage,
3 not found, 4 database unavailable or locked, 5 invalid input.`;

export const HELP: Record<string, string> = {
  serve: `Usage: buurtbalans serve [--port N] [--host H]

Starts the web app and API. On first start the database is created, migrated and filled with
fictional demo data. Stop with Ctrl+C.`,
  migrate: `Usage: buurtbalans migrate

Applies pending database migrations and refreshes the built-in indicator catalogue.`,
  demo: `Usage: buurtbalans demo [--remove] [--json]

Reloads the fictional demo data (three gemeenten, their wijken and buurten, 2014–2024).
Only demo rows are replaced; real data is never touched. --remove deletes the demo instead.`,
  areas: `Usage: buurtbalans areas list [--level land|gemeente|wijk|buurt] [--parent CODE] [--boundary-year N] [--json]
       buurtbalans areas show <code> [--boundary-year N] [--json]

list: areas of one boundary year (newest by default), by level and parent. For buurten,
--parent may also be their gemeente.
show: one area with its hierarchy, children and bounding box (bbox: [west, south, east, north], WGS84).`,
  indicators: `Usage: buurtbalans indicators list [--json]

The indicator catalogue: key, name, unit, direction, source.`,
  values: `Usage: buurtbalans values <area-code> [--year N] [--boundary-year N] [--json]

The figures of one area: per indicator the newest value (or the value of --year) with its
year, status and source. --json prints every series in full.`,
};
