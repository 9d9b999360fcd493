import type { stockNl } from './nl-stock.js';

/** English texts of the stock page; spread into en.ts. */
export const stockEn: Record<keyof typeof stockNl, string> = {
  'nav.stock': 'Stock',

  'stock.eyebrow': 'Own stock',
  'stock.title': 'Stock',
  'stock.lead':
    'The corporation’s complexes, per region and buurt. A change counts at once on the map and in the budget.',
  'stock.loading': 'Loading the stock…',
  'stock.add': 'Add a complex',

  'stock.regions.title': 'Per region',
  'stock.regions.caption': 'Complexes and dwellings per budget region',
  'stock.regions.hint':
    'Share = the corporation’s dwellings ÷ all dwellings in the buurten (CBS). Buurten without a dwelling figure are left out of the share.',
  'stock.col.region': 'Region',
  'stock.col.buurten': 'Buurten',
  'stock.col.complexes': 'Complexes',
  'stock.col.units': 'Dwellings',
  'stock.col.daeb': 'DAEB dwellings',
  'stock.col.share': 'Share of the dwellings',
  'stock.noRegion': 'Outside a region',
  'stock.total': 'Total',
  'stock.share.none': 'no CBS dwelling figure for these buurten',
  'stock.share.partial': '{n} buurten without a dwelling figure are left out',
  'stock.regions.none': 'There are no budget regions in your area yet.',

  'stock.complexes.title': 'Complexes',
  'stock.complexes.caption': 'The corporation’s complexes in your area',
  'stock.complexes.none': 'There are no complexes in your area yet.',
  'stock.complexes.noMatch': 'No complexes match this search and these filters.',
  'stock.count': '{shown} of {total} complexes',
  'stock.search': 'Search',
  'stock.searchPlaceholder': 'Number, name, address or postcode',
  'stock.filter.region': 'Region',
  'stock.filter.buurt': 'Buurt',
  'stock.filter.all': 'All',
  'stock.col.id': 'Complex number',
  'stock.col.name': 'Name',
  'stock.col.address': 'Address',
  'stock.col.buurt': 'Buurt',
  'stock.col.daebShort': 'DAEB',
  'stock.col.yearBuilt': 'Year built',
  'stock.col.placed': 'Placement',
  'stock.col.actions': 'Actions',
  'stock.placed.file': 'given',
  'stock.placed.point': 'placed on the map',
  'stock.edit': 'Edit',
  'stock.editLabel': 'Edit complex {id}',
  'stock.delete': 'Delete',
  'stock.deleteLabel': 'Delete complex {id}',

  'stock.form.addTitle': 'Add a complex',
  'stock.form.editTitle': 'Edit complex {id}',
  'stock.form.intro':
    'The same rules as when importing a complex list. Fields with * are required.',
  'stock.form.complex': 'Complex',
  'stock.form.location': 'Location',
  'stock.form.locationHint':
    'Give an address (or postcode and house number) with a buurt code. Or give coordinates and leave the buurt code empty: Buurtbalans then places the complex in its buurt on the map. Addresses are not looked up.',
  'stock.form.dwellings': 'Dwellings',
  'stock.field.complexId': 'Complex number *',
  'stock.field.name': 'Name',
  'stock.field.address': 'Address',
  'stock.field.postcode': 'Postcode',
  'stock.field.houseNumber': 'House number',
  'stock.field.buurtCode': 'Buurt code',
  'stock.field.x': 'X (RD) or longitude',
  'stock.field.y': 'Y (RD) or latitude',
  'stock.field.units': 'Dwellings *',
  'stock.field.daebUnits': 'DAEB dwellings *',
  'stock.field.yearBuilt': 'Year built',
  'stock.field.coordinatesHint': 'RD New (e.g. 104500 and 489000) or WGS84 (e.g. 4.64 and 52.38).',
  'stock.form.placedNow': 'Now placed on the map in {buurt}.',

  'stock.confirmDelete.title': 'Delete complex {id}?',
  'stock.confirmDelete.body':
    '{name} with {units} dwellings leaves the stock. The map and the budget continue without it. This cannot be undone.',

  'stock.saved.created': 'Complex {id} was added in {buurt} ({placed}).',
  'stock.saved.changed': 'Complex {id} was changed ({buurt}).',
  'stock.saved.deleted': 'Complex {id} was deleted.',

  'stock.error.idRequired': 'Fill in the complex number.',
  'stock.error.duplicate':
    'A complex with number {id}{name} already exists. Choose another number.',
  'stock.error.postcode':
    'This is not a Dutch postcode. Write four digits and two letters, such as 2011 AB.',
  'stock.error.houseNumber': 'This is not a house number. Write, for example, 12, 12A or 12-2.',
  'stock.error.noLocation': 'Give an address, a postcode with house number, or coordinates.',
  'stock.error.noHouseNumber': 'There is a postcode but no house number.',
  'stock.error.noPostcode': 'There is a house number but no postcode.',
  'stock.error.coordinatePair': 'Fill in both coordinates, or neither.',
  'stock.error.coordinateNumber': 'This is not a number. Write, for example, 104500 or 52.38.',
  'stock.error.coordinatesSwapped':
    'The coordinates seem swapped: longitude first (such as 4.6), then latitude (such as 52.4).',
  'stock.error.coordinatesOutside':
    'These coordinates are not in the Netherlands. Use RD New (x 0–300000, y 289000–629000) or WGS84 (longitude 3.2–7.3, latitude 50.7–53.7).',
  'stock.error.buurtCode':
    'This is not a buurt code. A buurt code is BU and eight characters, such as BU03920101.',
  'stock.error.unknownBuurt': 'Buurt {code} does not exist in the boundaries of {year}.',
  'stock.error.outsideBuurten':
    'This point lies in no buurt of {year}. Check the coordinates or give a buurt code.',
  'stock.error.notPlaceable':
    'Give a buurt code or coordinates: with only an address the complex cannot be placed in a buurt.',
  'stock.error.unitsRequired': 'Fill in the number of dwellings.',
  'stock.error.units': 'The number of dwellings is a whole number of 1 or more.',
  'stock.error.daebRequired': 'Fill in the number of DAEB dwellings (0 if there are none).',
  'stock.error.daeb': 'The number of DAEB dwellings is a whole number of 0 or more.',
  'stock.error.daebAboveUnits':
    'More DAEB dwellings ({daeb}) than dwellings ({units}): there are at most {units}.',
  'stock.error.yearBuilt': 'The year built lies between {from} and {to}.',
  'stock.error.outOfScope': 'Buurt {code} lies outside your area.',
  'stock.error.noBoundaries': 'No buurt boundaries have been imported to place the complex in yet.',
  'stock.error.hasSpending.one':
    'Complex {id} cannot be deleted: 1 spending line is booked on it ({years}). Book it elsewhere first.',
  'stock.error.hasSpending.many':
    'Complex {id} cannot be deleted: {n} spending lines are booked on it ({years}). Book them elsewhere first.',
  'stock.error.form': 'The complex was not saved. Correct the marked fields.',
};
