/** Dutch texts of the stock page (Bezit); spread into nl.ts. */
export const stockNl = {
  'nav.stock': 'Bezit',

  'stock.eyebrow': 'Eigen bezit',
  'stock.title': 'Bezit',
  'stock.lead':
    'De complexen van de corporatie, per regio en buurt. Een wijziging telt meteen mee op de kaart en in de begroting.',
  'stock.loading': 'Bezit laden…',
  'stock.add': 'Complex toevoegen',

  'stock.regions.title': 'Per regio',
  'stock.regions.caption': 'Complexen en woningen per begrotingsregio',
  'stock.regions.hint':
    'Aandeel = woningen van de corporatie ÷ alle woningen in de buurten (CBS). Buurten zonder woningcijfer tellen niet mee in het aandeel.',
  'stock.col.region': 'Regio',
  'stock.col.buurten': 'Buurten',
  'stock.col.complexes': 'Complexen',
  'stock.col.units': 'Woningen',
  'stock.col.daeb': 'DAEB-woningen',
  'stock.col.share': 'Aandeel van de woningen',
  'stock.noRegion': 'Buiten een regio',
  'stock.total': 'Totaal',
  'stock.share.none': 'geen woningcijfer van CBS voor deze buurten',
  'stock.share.partial': '{n} buurten zonder woningcijfer tellen niet mee',
  'stock.regions.none': 'Er zijn nog geen begrotingsregio’s in uw werkgebied.',

  'stock.complexes.title': 'Complexen',
  'stock.complexes.caption': 'Complexen van de corporatie in uw werkgebied',
  'stock.complexes.none': 'Er zijn nog geen complexen in uw werkgebied.',
  'stock.complexes.noMatch': 'Geen complexen gevonden met deze zoekopdracht en filters.',
  'stock.count': '{shown} van {total} complexen',
  'stock.search': 'Zoeken',
  'stock.searchPlaceholder': 'Nummer, naam, adres of postcode',
  'stock.filter.region': 'Regio',
  'stock.filter.buurt': 'Buurt',
  'stock.filter.all': 'Alle',
  'stock.col.id': 'Complexnummer',
  'stock.col.name': 'Naam',
  'stock.col.address': 'Adres',
  'stock.col.buurt': 'Buurt',
  'stock.col.daebShort': 'DAEB',
  'stock.col.yearBuilt': 'Bouwjaar',
  'stock.col.placed': 'Plaatsing',
  'stock.col.actions': 'Acties',
  'stock.placed.file': 'opgegeven',
  'stock.placed.point': 'op de kaart geplaatst',
  'stock.edit': 'Wijzigen',
  'stock.editLabel': 'Complex {id} wijzigen',
  'stock.delete': 'Verwijderen',
  'stock.deleteLabel': 'Complex {id} verwijderen',

  'stock.form.addTitle': 'Complex toevoegen',
  'stock.form.editTitle': 'Complex {id} wijzigen',
  'stock.form.intro':
    'Dezelfde regels als bij het inlezen van een complexenlijst. Velden met * zijn verplicht.',
  'stock.form.complex': 'Complex',
  'stock.form.location': 'Ligging',
  'stock.form.locationHint':
    'Geef een adres (of postcode en huisnummer) met een buurtcode. Of geef coördinaten en laat de buurtcode leeg: dan plaatst Buurtbalans het complex in zijn buurt op de kaart. Adressen worden niet opgezocht.',
  'stock.form.dwellings': 'Woningen',
  'stock.field.complexId': 'Complexnummer *',
  'stock.field.name': 'Naam',
  'stock.field.address': 'Adres',
  'stock.field.postcode': 'Postcode',
  'stock.field.houseNumber': 'Huisnummer',
  'stock.field.buurtCode': 'Buurtcode',
  'stock.field.x': 'X (RD) of lengtegraad',
  'stock.field.y': 'Y (RD) of breedtegraad',
  'stock.field.units': 'Woningen *',
  'stock.field.daebUnits': 'DAEB-woningen *',
  'stock.field.yearBuilt': 'Bouwjaar',
  'stock.field.coordinatesHint': 'RD New (bijv. 104500 en 489000) of WGS84 (bijv. 4,64 en 52,38).',
  'stock.form.placedNow': 'Nu op de kaart geplaatst in {buurt}.',

  'stock.confirmDelete.title': 'Complex {id} verwijderen?',
  'stock.confirmDelete.body':
    '{name} met {units} woningen verdwijnt uit het bezit. De kaart en de begroting rekenen zonder dit complex verder. Dit kan niet ongedaan worden gemaakt.',

  'stock.saved.created': 'Complex {id} is toegevoegd in {buurt} ({placed}).',
  'stock.saved.changed': 'Complex {id} is gewijzigd ({buurt}).',
  'stock.saved.deleted': 'Complex {id} is verwijderd.',

  'stock.error.idRequired': 'Vul het complexnummer in.',
  'stock.error.duplicate':
    'Er bestaat al een complex met nummer {id}{name}. Kies een ander nummer.',
  'stock.error.postcode':
    'Dit is geen Nederlandse postcode. Schrijf vier cijfers en twee letters, zoals 2011 AB.',
  'stock.error.houseNumber': 'Dit is geen huisnummer. Schrijf bijvoorbeeld 12, 12A of 12-2.',
  'stock.error.noLocation': 'Geef een adres, een postcode met huisnummer of coördinaten.',
  'stock.error.noHouseNumber': 'Er is een postcode maar geen huisnummer.',
  'stock.error.noPostcode': 'Er is een huisnummer maar geen postcode.',
  'stock.error.coordinatePair': 'Vul beide coördinaten in, of geen van beide.',
  'stock.error.coordinateNumber': 'Dit is geen getal. Schrijf bijvoorbeeld 104500 of 52,38.',
  'stock.error.coordinatesSwapped':
    'De coördinaten lijken omgewisseld: eerst de lengtegraad (zoals 4,6), dan de breedtegraad (zoals 52,4).',
  'stock.error.coordinatesOutside':
    'Deze coördinaten liggen niet in Nederland. Gebruik RD New (x 0–300000, y 289000–629000) of WGS84 (lengtegraad 3,2–7,3, breedtegraad 50,7–53,7).',
  'stock.error.buurtCode':
    'Dit is geen buurtcode. Een buurtcode is BU met acht tekens, zoals BU03920101.',
  'stock.error.unknownBuurt': 'Buurt {code} bestaat niet in de buurtindeling van {year}.',
  'stock.error.outsideBuurten':
    'Dit punt ligt in geen enkele buurt van {year}. Controleer de coördinaten of geef een buurtcode.',
  'stock.error.notPlaceable':
    'Geef een buurtcode of coördinaten: met alleen een adres kan het complex niet in een buurt worden geplaatst.',
  'stock.error.unitsRequired': 'Vul het aantal woningen in.',
  'stock.error.units': 'Het aantal woningen is een heel getal van 1 of meer.',
  'stock.error.daebRequired': 'Vul het aantal DAEB-woningen in (0 als er geen zijn).',
  'stock.error.daeb': 'Het aantal DAEB-woningen is een heel getal van 0 of meer.',
  'stock.error.daebAboveUnits':
    'Meer DAEB-woningen ({daeb}) dan woningen ({units}): het zijn er hoogstens {units}.',
  'stock.error.yearBuilt': 'Het bouwjaar ligt tussen {from} en {to}.',
  'stock.error.outOfScope': 'Buurt {code} valt buiten uw werkgebied.',
  'stock.error.noBoundaries':
    'Er zijn nog geen buurtgrenzen ingelezen om het complex in te plaatsen.',
  'stock.error.hasSpending.one':
    'Complex {id} kan niet worden verwijderd: er is 1 uitgavenregel op geboekt ({years}). Boek die eerst op een andere plek.',
  'stock.error.hasSpending.many':
    'Complex {id} kan niet worden verwijderd: er zijn {n} uitgavenregels op geboekt ({years}). Boek die eerst op een andere plek.',
  'stock.error.form': 'Het complex is niet opgeslagen. Verbeter de gemarkeerde velden.',
} as const;
