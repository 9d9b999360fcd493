/** Dutch texts of the budget page (Begroting); spread into nl.ts. */
export const budgetNl = {
  'nav.budget': 'Begroting',

  'budget.eyebrow': 'Leefbaarheidsuitgaven',
  'budget.title': 'Begroting',
  'budget.lead':
    'De vastgestelde begroting per regio, wat er werkelijk is uitgegeven, en de verdeelscenario’s van het jaar naast elkaar.',
  'budget.loading': 'Begroting laden…',
  'budget.none':
    'Er zijn nog geen begrotingsscenario’s. Maak er een met de opdrachtregel of de API.',
  'budget.year': 'Begrotingsjaar',
  'budget.yearNotAdopted': '{year} (nog niet vastgesteld)',
  'budget.noAdopted':
    'Voor {year} is nog geen begroting vastgesteld: de begroting telt daarom als € 0.',
  'budget.unplaced':
    '{n} uitgavenregels horen bij geen enkele regio en tellen niet mee in de tabellen.',

  'budget.report.title': 'Tabel voor het jaarverslag',
  'budget.report.caption': 'Leefbaarheidsuitgaven {year} (bedragen × € 1.000)',
  'budget.report.item': 'Regio of post',
  'budget.report.download': 'Tabel downloaden',
  'budget.report.forbiddenTitle': 'Tabel voor het jaarverslag niet beschikbaar',
  'budget.report.forbidden':
    'Deze tabel gaat over het hele werkgebied van de corporatie. Uw account ziet een deel daarvan; de realisatie per regio hieronder toont de regio’s in uw gebied.',
  'budget.report.capWarning':
    'Let op: {column} komt uit op {amount} per DAEB-woning, boven het maximum van {cap}.',
  'budget.report.exceedsCap': 'boven het maximum',
  'budget.report.rounding':
    'Bedragen zijn afgerond op duizenden euro’s; het totaal is één keer afgerond, dus de regels tellen niet altijd precies op tot het totaal.',

  'budget.realisation.title': 'Realisatie per regio',
  'budget.realisation.caption': 'Begroting en realisatie {year} per regio en post, in euro’s',
  'budget.realisation.hint':
    'Verschil = realisatie − begroting: + is meer uitgegeven dan begroot, − minder.',
  'budget.realisation.none': 'Er zijn geen regio’s of posten in uw gebied.',
  'budget.col.item': 'Regio of post',
  'budget.col.budget': 'Begroting',
  'budget.col.spent': 'Realisatie',
  'budget.col.difference': 'Verschil',
  'budget.col.daeb': 'DAEB-woningen',
  'budget.col.budgetPerDaeb': 'Begroting per DAEB-woning',
  'budget.col.spentPerDaeb': 'Realisatie per DAEB-woning',
  'budget.line': 'post zonder gebied',
  'budget.diff.over': 'meer uitgegeven dan begroot',
  'budget.diff.under': 'minder uitgegeven dan begroot',
  'budget.diff.even': 'gelijk aan de begroting',

  'budget.scenarios.title': 'Scenario’s {year} naast elkaar',
  'budget.scenarios.lead':
    'Per regio het bedrag in elk scenario en het verschil met het eerste scenario ({name}).',
  'budget.scenarios.none': 'Voor {year} zijn geen scenario’s.',
  'budget.scenarios.caption': 'Verdeling {year} per regio en vaste post, per scenario, in euro’s',
  'budget.scenarios.region': 'Regio of post',
  'budget.scenarios.amount': 'Bedrag',
  'budget.scenarios.diff': 'Verschil',
  'budget.scenarios.perDaeb': 'Per DAEB-woning',
  'budget.scenarios.total': 'Totaal',
  'budget.scenarios.areaBudget': 'Budget voor gebieden',
  'budget.scenarios.areaPerDaeb': 'Gebiedsbudget per DAEB-woning',
  'budget.scenarios.share': 'Aandeel naar het meest kwetsbare kwintiel',
  'budget.scenarios.adopted': 'vastgesteld',
  'budget.scenarios.meta': 'Gemaakt door {by}',
  'budget.scenarios.adoptedMeta': 'Vastgesteld door {by}',

  'budget.adopt': 'Vaststellen als begroting',
  'budget.adopt.confirmTitle': '“{name}” vaststellen als begroting {year}?',
  'budget.adopt.confirmBody':
    'Een vastgestelde begroting ligt vast: het scenario kan daarna niet meer worden gewijzigd of verwijderd. Elk jaar heeft één vastgestelde begroting.',
  'budget.adopt.busy': 'Bezig met vaststellen…',
  'budget.adopt.done': '“{name}” is vastgesteld als begroting {year}.',
  'budget.adopt.failed': 'Vaststellen lukte niet: {message}',
} as const;
