import { TABLE_FOR_YEAR } from '../import/cbs-statline/tables.js';

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
                            regions, boundaries, table, complexes, spending
                            [--year N] [--dry-run] [--json]
  fetch-open-data           Download the public files of a year  --year N --to DIR
  users list|add|reset-password|disable|enable
                            Accounts (the CLI acts as administrator; every change is audited)
  organisations list|add    Organisations accounts belong to
  methods list|show|add     Ranking methods (versioned; a changed method is a new version)
  rank                      Make and store a ranking  --method KEY[@V] --year N [--json|--csv FILE]
  rankings list|diff|verify|export
                            Stored rankings: compare two, recompute one, export CSV/XLSX
  veerkracht                The resilience signal between two years  --from Y1 --to Y2
  budget setup|regions|stock|scenario|realisation|report
                            Budget regions and lines, the stock, allocation scenarios, the annual report

Settings come from the environment: PORT, HOST, BUURTBALANS_DATA_DIR (embedded database,
default ./data) or DATABASE_URL (a PostgreSQL server). See .env.example.
Run 'buurtbalans <command> --help' for details. Exit codes: 0 ok, 1 failure, 2 usage,
3 not found, 4 database unavailable or locked, 5 invalid input.`;

export const HELP: Record<string, string> = {
  budget: `Usage: buurtbalans budget setup <file.json> [--json]
       buurtbalans budget regions [--json]
       buurtbalans budget stock [--json]
       buurtbalans budget scenario add <file.json> [--json]
       buurtbalans budget scenario preview <file.json> [--json]
       buurtbalans budget scenario list [--year N] [--json]
       buurtbalans budget scenario compare --year N [--json]
       buurtbalans budget scenario adopt <id>
       buurtbalans budget scenario delete <id>
       buurtbalans budget realisation --year N [--json]
       buurtbalans budget report --year N [--csv FILE | --xlsx FILE] [--cap EUR] [--json]

setup: budget regions (named groups of buurten) and lines without an area, from one JSON file:
  {"regions": [{"key": "noord", "name": "Haarlem-Noord", "buurten": ["BU03920101", "BU03920102"]}],
   "lines": [{"key": "buurtbeheer", "name": "Buurtbeheer"}, {"key": "personeel", "name": "Personele inzet"},
             {"key": "algemeen", "name": "Algemeen"}]}
  A key that exists is renamed and gets the buurten given; nothing is removed.
regions: what setup stored. stock: complexes, dwellings, DAEB dwellings and the share of each
buurt's dwellings the corporation owns (import the complex list with 'import complexes').
scenario add: divide a year's budget by need (a stored buurt ranking's classes or deciles) x DAEB
dwellings, with a base per DAEB dwelling, floors and caps per region and earmarks; amounts in euros:
  {"year": 2025, "name": "Basis 2025", "ranking": 2, "total": "1.500.000",
   "fixedLines": {"buurtbeheer": "150.000", "personeel": "250.000", "algemeen": "50.000"},
   "needWeights": {"by": "class", "weights": {"1": 3, "2": 2, "3": 1, "4": 1, "5": 1}},
   "basePerDaeb": "20", "regionLimits": {"noord": {"floor": "100.000", "cap": "600.000"}},
   "earmarks": [{"buurt": "BU03920101", "amount": "40.000", "note": "speeltuin"}]}
scenario preview: what 'add' would compute, without storing it.
scenario compare: the year's scenarios side by side, differences against the adopted (or first) one.
scenario adopt: the year's begroting; it is frozen from then on, and a year has one.
scenario delete: removes a scenario that is not adopted.
realisation: per region and line, begroting, realisatie (import spending with 'import spending'),
difference and per DAEB dwelling. report: the annual-report table (x EUR 1.000); --cap warns when
the spending per DAEB dwelling is above the amount (off unless given). See docs/BUDGET.md.`,
  methods: `Usage: buurtbalans methods list [--json]
       buurtbalans methods show <key>[@version] [--json]
       buurtbalans methods add <file.json> [--json]

A method is a JSON file (docs/METHODS.md describes every field). The smallest valid file:
  {"key": "onv-haarlem", "name": "Onveiligheid Haarlem",
   "universe": {"level": "buurt", "within": ["GM0392"]},
   "indicators": [{"key": "lbm_onv", "direction": "higher_is_better", "weight": 1}]}
Everything else takes its default. Adding a file whose key exists makes a new version when
anything differs, also only the name or description; the same content adds nothing.
'methods show' prints the full definition with every default filled in: a starting point.`,
  rank: `Usage: buurtbalans rank --method <key>[@version] --year N [--universe U] [--draws N] [--json | --csv FILE]

Applies a method version (default: the newest) to data year N and stores the ranking; it is
never changed afterwards. Rank 1 is the area with the most need. Per indicator the newest
figures at most year N are used (CBS income figures lag two years); the output says which.
--universe: country, working-area, or gemeente/wijk codes (GM0392,GM0375); default the method's.
--draws: Monte Carlo draws for the rank interval (default the method's, 1000; 0 for none).
--json prints {"ranking": {...}, "areas": [{"code", "rank", "score", "percentile", "decile",
"class", "rankLow", "rankHigh", "flags", "themes", "indicators", ...}]}; --csv writes the table.`,
  rankings: `Usage: buurtbalans rankings list [--json]
       buurtbalans rankings diff <a> <b> [--json]
       buurtbalans rankings verify <id> [--json]
       buurtbalans rankings export <id> --csv FILE | --xlsx FILE

diff: per area the rank change from ranking a to b, split into the part new data caused and
the part a new method caused (both recomputed crosswise).
verify: recompute a stored ranking from its stored inputs; exit 1 when any number differs.`,
  veerkracht: `Usage: buurtbalans veerkracht --from Y1 --to Y2 [--level buurt|wijk] [--universe U] [--nuisance KEY] [--json]

Per area: the change in the concentration of vulnerable residents against the change in
nuisance and unsafety (Leefbaarometer onv), absolute (against the country) and relative
(against the rest of the gemeente), in quadrants. Where an input is missing the area says
which. A signal for a conversation, not a diagnosis.
--universe: country, working-area (default) or gemeente/wijk codes.
--nuisance KEY: another indicator as the nuisance axis (e.g. your own overlast figures).`,
  users: `Usage: buurtbalans users list [--json]
       buurtbalans users add --email E --name N --organisation KEY --role ROLE [--scope CODES | --all-areas] [--json]
       buurtbalans users reset-password <email> [--json]
       buurtbalans users disable <email>
       buurtbalans users enable <email>

Roles: admin (beheerder), analyst (analist/beleid corporatie), inspector (inspecteur/wijkbeheer),
partner, tenant (huurdersvertegenwoordiger), viewer (meekijker).
--scope: the gemeenten or wijken the account may see, comma-separated (GM0392,WK036300);
--all-areas: every area. Administrators always see every area.
add and reset-password print a generated password once. Disabling ends every session.
The CLI is a local operator tool with administrator rights; its actions are in the audit log
as "cli:<os user>".`,
  organisations: `Usage: buurtbalans organisations list [--json]
       buurtbalans organisations add --key KEY --name NAME --kind KIND [--working-area GM0392,GM0375]

Kinds: corporation, gemeente, zorg, welzijn, politie, huurdersorganisatie.`,
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
  complexes       the corporation's complex list, CSV or XLSX (complex_id, woningen, daeb, and a
                  buurtcode or x/y or lon/lat); see docs/BUDGET.md
  spending        spending lines of one budget year (datum, regio|buurtcode|complex|post,
                  categorie, bedrag); replaces that year's earlier imported lines

Options:
  --year N          boundary year (and data year of single-year tables); from the file name if it has one;
                    complexes: the boundary year to place in (default the newest with boundaries);
                    spending: the budget year
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
  'fetch-open-data': `Usage: buurtbalans fetch-open-data --year N --to DIR [--only NAME,…] [--force] [--json]

Downloads the public files of one year from their official addresses into DIR (created if
needed), one after the other, and prints the import commands to run next, in order:
  regions         CBS region list (StatLine OData WijkenEnBuurten)   cbs-N-regions.json
  kerncijfers     CBS Kerncijfers (StatLine OData TypedDataSet)      cbs-N-kerncijfers-<table>.json
  wijken, buurten CBS wijk- en buurtkaart (PDOK WFS, WGS84)          cbs-N-wijken|buurten.geojson
  leefbaarometer  Leefbaarometer 3.0 buurt scores (WFS, WGS84)       lbm-N-buurt.geojson
The CBS files need the year's StatLine table id, known for
${Object.keys(TABLE_FOR_YEAR).join(', ')}; the Leefbaarometer has a layer for every even
year from 2020. Otherwise a resource is skipped with the reason.

Options:
  --only NAME,…   fetch only these resources
  --force         fetch again even if the file is already there (a file under its own name is
                  always complete: downloads go to NAME.part and are renamed when done)
  --json          print the summary as JSON (no progress line)

Base addresses come from BUURTBALANS_CBS_ODATA_URL, BUURTBALANS_PDOK_URL and
BUURTBALANS_LBM_URL; one request may take BUURTBALANS_FETCH_TIMEOUT_SECONDS (default 120).
A failed request (HTTP error, network error, timeout, an answer that is not JSON) stops the run
with exit code 1 and a message naming the URL; files fetched before it are kept.`,
  values: `Usage: buurtbalans values <area-code> [--year N] [--boundary-year N] [--json]

The figures of one area: per indicator the newest value (or the value of --year) with its
year, status and source. --json prints every series in full.`,
};
