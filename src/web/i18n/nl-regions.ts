/** Dutch texts of "Regio's en posten" (/bezit/regios); spread into nl.ts. */
export const regionsNl = {
  'regions.link.manage': 'Regio’s en posten beheren',
  'regions.link.view': 'Regio’s en posten bekijken',
  'regions.back': 'Terug naar Bezit',
  'regions.eyebrow': 'Bezit',
  'regions.title': 'Regio’s en posten',
  'regions.lead':
    'Een begrotingsregio is een groep buurten; de begroting verdeelt geld over de regio’s en hun buurten. Posten zonder gebied, zoals Buurtbeheer, krijgen een vast bedrag. Een wijziging telt meteen mee in de begroting, de scenario’s en op de kaart.',
  'regions.loading': 'Regio’s en posten laden…',
  'regions.readOnly':
    'U kunt de regio’s en posten bekijken; wijzigen kan een analist van de corporatie.',
  'regions.scopedOnly':
    'Regio’s en posten gelden voor het hele werkgebied. Uw account ziet een deel ervan en kan ze daarom niet wijzigen.',

  'regions.section': 'Regio’s',
  'regions.caption': 'Begrotingsregio’s met hun buurten',
  'regions.none': 'Er zijn nog geen begrotingsregio’s.',
  'regions.add': 'Regio toevoegen',
  'regions.col.region': 'Regio',
  'regions.col.key': 'Sleutel',
  'regions.col.buurten': 'Buurten',
  'regions.col.actions': 'Acties',
  'regions.buurtCount': '{n} buurten',
  'regions.buurtCount.one': '1 buurt',
  'regions.showBuurten': 'Toon de buurten',
  'regions.empty': 'geen buurten',
  'regions.emptyHint': 'Geef de regio buurten, of verwijder hem als hij niet meer nodig is.',
  'regions.edit': 'Wijzigen',
  'regions.editLabel': 'Regio {name} wijzigen',
  'regions.remove': 'Verwijderen',
  'regions.removeLabel': 'Regio {name} verwijderen',

  'regions.form.addTitle': 'Regio toevoegen',
  'regions.form.editTitle': 'Regio {name} wijzigen',
  'regions.field.name': 'Naam *',
  'regions.field.key': 'Sleutel *',
  'regions.field.keyHint':
    'Kleine letters, cijfers en streepjes. Uitgaven en scenario’s verwijzen naar deze sleutel; hij ligt vast na het opslaan.',
  'regions.field.keyFixed': 'Sleutel: {key} (ligt vast)',
  'regions.buurten': 'Buurten *',
  'regions.buurtenHint':
    'Kies per gemeente en wijk. Een vinkje bij een wijk kiest al zijn buurten. Een buurt hoort bij één regio: buurten die nu in een andere regio liggen staan met die regio erbij, en verhuizen naar deze regio als u ze aanvinkt.',
  'regions.filter': 'Zoek een wijk of buurt',
  'regions.filterPlaceholder': 'Naam of code',
  'regions.addGemeente': 'Gemeente toevoegen aan de lijst',
  'regions.addGemeenteChoose': 'Kies een gemeente…',
  'regions.gemeenteChosen': '{chosen} van {total} buurten gekozen',
  'regions.gemeenteChosenLoading': '{chosen} buurten gekozen',
  'regions.wijkLabel': '{name} (hele wijk, {n} buurten)',
  'regions.inRegion': 'nu in {region}',
  'regions.movesFrom': 'verhuist uit {region}',
  'regions.noMatch': 'Geen wijk of buurt gevonden met “{filter}”.',
  'regions.noGemeenten':
    'Er zijn nog geen gemeenten in de lijst. Kies hierboven een gemeente om haar buurten te zien.',
  'regions.areasLoading': 'Buurten laden…',
  'regions.summary.chosen': '{n} buurten gekozen.',
  'regions.summary.chosen.one': '1 buurt gekozen.',
  'regions.summary.moves': '{n} verhuizen uit {region}.',
  'regions.summary.leaves': '{n} buurten gaan uit deze regio en horen daarna bij geen regio.',
  'regions.summary.emptied':
    '{region} houdt dan geen buurten over. De regio blijft bestaan (uitgaven en begrotingen kunnen ernaar verwijzen); verwijder hem daarna als hij niet meer nodig is.',

  'regions.error.nameRequired': 'Vul een naam in.',
  'regions.error.keyRequired': 'Vul een sleutel in.',
  'regions.error.keyFormat':
    'Een sleutel bestaat uit kleine letters, cijfers en streepjes en begint met een letter of cijfer, zoals haarlem-noord.',
  'regions.error.keyTaken': 'Sleutel {key} is al in gebruik door {name}. Kies een andere.',
  'regions.error.noBuurten':
    'Kies minstens één buurt. Een regio zonder buurten kan niet; gebruikt u de regio niet meer, verwijder hem dan.',
  'regions.error.form': 'De regio is niet opgeslagen. Verbeter wat hierboven staat aangegeven.',
  'regions.error.wholeArea':
    'Regio’s en posten gelden voor het hele werkgebied; uw account ziet een deel ervan.',

  'regions.saved.created': 'Regio {name} is toegevoegd met {n} buurten.',
  'regions.saved.changed': 'Regio {name} is opgeslagen ({n} buurten).',
  'regions.saved.removed': 'Regio {name} is verwijderd.',
  'regions.saved.removedMoved': 'Regio {name} is verwijderd; de buurten horen nu bij {to}.',

  'regions.removeTitle': 'Regio {name} verwijderen?',
  'regions.removeBody':
    'De regio verdwijnt uit de begroting, de scenario’s en de kaart. Dit kan niet ongedaan worden gemaakt.',
  'regions.removeMoveTo': 'De {n} buurten van deze regio gaan naar',
  'regions.removeMoveNone': 'geen regio (buiten een regio)',
  'regions.removeMoveHint':
    'Zijn er uitgaven geboekt op deze buurten of hun complexen, kies dan een regio: anders tellen die uitgaven in het jaarverslag nergens meer mee.',

  'regions.refusal.region': 'Regio {name} kan niet worden verwijderd: {reasons}.',
  'regions.refusal.line': 'Post {name} kan niet worden verwijderd: {reasons}.',
  'regions.refusal.spending.one': 'er is 1 uitgavenregel op geboekt ({years})',
  'regions.refusal.spending.many': 'er zijn {n} uitgavenregels op geboekt ({years})',
  'regions.refusal.adoptedRegion':
    'de vastgestelde begroting van {years} verdeelt geld over deze regio',
  'regions.refusal.adoptedLine':
    'de vastgestelde begroting van {years} geeft deze post een vast bedrag',
  'regions.refusal.buurten.one':
    'er is 1 uitgavenregel geboekt op de buurten en complexen van de regio ({years}), die dan in geen regio meer meetelt. Kies een regio waar de buurten naartoe gaan',
  'regions.refusal.buurten.many':
    'er zijn {n} uitgavenregels geboekt op de buurten en complexen van de regio ({years}), die dan in geen regio meer meetellen. Kies een regio waar de buurten naartoe gaan',
  'regions.refusal.report': 'Het jaarverslag van {years} moet blijven kloppen.',
  'regions.and': 'en',
  'regions.close': 'Sluiten',

  'lines.section': 'Posten zonder gebied',
  'lines.hint':
    'Geld dat niet bij een buurt hoort, zoals personele inzet. Een scenario geeft elke post een vast bedrag.',
  'lines.caption': 'Posten zonder gebied',
  'lines.none': 'Er zijn nog geen posten zonder gebied.',
  'lines.col.name': 'Post',
  'lines.rename': 'Naam wijzigen',
  'lines.renameLabel': 'Naam wijzigen van post {name}',
  'lines.newName': 'Nieuwe naam voor {name}',
  'lines.remove': 'Verwijderen',
  'lines.removeLabel': 'Post {name} verwijderen',
  'lines.removeTitle': 'Post {name} verwijderen?',
  'lines.removeBody':
    'De post verdwijnt uit de begroting en de scenario-editor. Dit kan niet ongedaan worden gemaakt.',
  'lines.add': 'Post toevoegen',
  'lines.field.name': 'Naam van de nieuwe post',
  'lines.field.key': 'Sleutel van de nieuwe post',
  'lines.saved.created': 'Post {name} is toegevoegd.',
  'lines.saved.renamed': 'Post {key} heet nu {name}.',
  'lines.saved.removed': 'Post {name} is verwijderd.',
} as const;
