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
  import <kind> <file>      Import open data or a table: leefbaarometer, kwb, statline,
                            regions, boundaries, table  [--year N] [--dry-run] [--json]
  fetch-open-data           Download the public files of a year  --year N --to DIR

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
  import: `Usage: buurtbalans import <kind> <file> [options]

Kinds and files:
  leefbaarometer  Leefbaarometer 3.0 open-data CSV (bu_code|wk_code|gm_code, jaar, lbm, afw,
                  fys, onv, soc, vrz, won) or WFS export (GeoJSON/GeoPackage with classes)
  kwb             CBS Kerncijfers wijken en buurten, flat kwb-YYYY file (CSV or XLSX)
  statline        CBS StatLine: OData TypedDataSet (JSON or CSV) or "CSV met statistische symbolen"
  regions         CBS region list (StatLine WijkenEnBuurten: Key, Title, …) — names and parents
  boundaries      GeoJSON (WGS84 or RD New) or GeoPackage with one polygon per area
  table           any table of figures per area, wide or long, CSV or XLSX, with a mapping

Options:
  --year N          boundary year (and data year of single-year tables); from the file name if it has one
  --level L         gemeente, wijk or buurt (checked against the codes)
  --release KEY     release key, e.g. lbm3-2024 (default: from the file)
  --layer NAME      GeoPackage layer
  --code-field F, --name-field F   attributes with code and name (boundaries)
  --mapping FILE    table mapping (JSON; see docs/IMPORTS.md)
  --code COL --column COL=KEY [--column …] --year N   a simple wide table without a mapping file
  --dry-run         validate and report, write nothing
  --force           import even if this exact file was imported before
  --json            print the summary as JSON (no progress bar)

The whole file is checked first; on any problem nothing is written and every problem is
listed with file, line (or feature) and column. Exit code 5 for an invalid file.`,
  'fetch-open-data': `Usage: buurtbalans fetch-open-data --year N --to DIR [--only NAME,…] [--json]

Downloads the public files of one year from their official addresses into DIR: the CBS region
list and Kerncijfers (StatLine OData), the CBS/PDOK wijk and buurt boundaries, and the
Leefbaarometer 3.0 scores. Base addresses come from BUURTBALANS_CBS_ODATA_URL,
BUURTBALANS_PDOK_URL and BUURTBALANS_LBM_URL. Prints the import commands to run next.`,
  values: `Usage: buurtbalans values <area-code> [--year N] [--boundary-year N] [--json]

The figures of one area: per indicator the newest value (or the value of --year) with its
year, status and source. --json prints every series in full.`,
};
