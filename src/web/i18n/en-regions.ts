import type { regionsNl } from './nl-regions.js';

/** English texts of "Regions and lines" (/bezit/regios); spread into en.ts. */
export const regionsEn: Record<keyof typeof regionsNl, string> = {
  'regions.link.manage': 'Manage regions and lines',
  'regions.link.view': 'View regions and lines',
  'regions.back': 'Back to Stock',
  'regions.eyebrow': 'Stock',
  'regions.title': 'Regions and lines',
  'regions.lead':
    'A budget region is a group of buurten; the begroting divides money over the regions and their buurten. Lines without an area, such as Buurtbeheer, get a fixed amount. A change counts at once in the budget, the scenarios and on the map.',
  'regions.loading': 'Loading regions and lines…',
  'regions.readOnly': 'You can view the regions and lines; a corporation analyst can change them.',
  'regions.scopedOnly':
    'Regions and lines cover the whole working area. Your account sees part of it, so it cannot change them.',

  'regions.section': 'Regions',
  'regions.caption': 'Budget regions with their buurten',
  'regions.none': 'There are no budget regions yet.',
  'regions.add': 'Add a region',
  'regions.col.region': 'Region',
  'regions.col.key': 'Key',
  'regions.col.buurten': 'Buurten',
  'regions.col.actions': 'Actions',
  'regions.buurtCount': '{n} buurten',
  'regions.buurtCount.one': '1 buurt',
  'regions.showBuurten': 'Show the buurten',
  'regions.empty': 'no buurten',
  'regions.emptyHint': 'Give the region buurten, or remove it when it is no longer needed.',
  'regions.edit': 'Edit',
  'regions.editLabel': 'Edit region {name}',
  'regions.remove': 'Remove',
  'regions.removeLabel': 'Remove region {name}',

  'regions.form.addTitle': 'Add a region',
  'regions.form.editTitle': 'Edit region {name}',
  'regions.field.name': 'Name *',
  'regions.field.key': 'Key *',
  'regions.field.keyHint':
    'Lower-case letters, digits and dashes. Spending and scenarios refer to this key; it is fixed once saved.',
  'regions.field.keyFixed': 'Key: {key} (fixed)',
  'regions.buurten': 'Buurten *',
  'regions.buurtenHint':
    'Choose per gemeente and wijk. Ticking a wijk chooses all its buurten. A buurt belongs to one region: buurten now in another region are shown with that region, and move to this region when you tick them.',
  'regions.filter': 'Find a wijk or buurt',
  'regions.filterPlaceholder': 'Name or code',
  'regions.addGemeente': 'Add a gemeente to the list',
  'regions.addGemeenteChoose': 'Choose a gemeente…',
  'regions.gemeenteChosen': '{chosen} of {total} buurten chosen',
  'regions.gemeenteChosenLoading': '{chosen} buurten chosen',
  'regions.wijkLabel': '{name} (whole wijk, {n} buurten)',
  'regions.inRegion': 'now in {region}',
  'regions.movesFrom': 'moves from {region}',
  'regions.noMatch': 'No wijk or buurt matches “{filter}”.',
  'regions.noGemeenten':
    'There are no gemeenten in the list yet. Choose a gemeente above to see its buurten.',
  'regions.areasLoading': 'Loading buurten…',
  'regions.summary.chosen': '{n} buurten chosen.',
  'regions.summary.chosen.one': '1 buurt chosen.',
  'regions.summary.moves': '{n} move from {region}.',
  'regions.summary.leaves': '{n} buurten leave this region and then belong to no region.',
  'regions.summary.emptied':
    '{region} is then left without buurten. The region stays (spending and begrotingen may refer to it); remove it afterwards when it is no longer needed.',

  'regions.error.nameRequired': 'Enter a name.',
  'regions.error.keyRequired': 'Enter a key.',
  'regions.error.keyFormat':
    'A key is lower-case letters, digits and dashes, starting with a letter or digit, such as haarlem-noord.',
  'regions.error.keyTaken': 'Key {key} is already used by {name}. Choose another.',
  'regions.error.noBuurten':
    'Choose at least one buurt. A region without buurten is not possible; if you no longer use the region, remove it.',
  'regions.error.form': 'The region was not saved. Correct what is marked above.',
  'regions.error.wholeArea':
    'Regions and lines cover the whole working area; your account sees part of it.',

  'regions.saved.created': 'Region {name} was added with {n} buurten.',
  'regions.saved.changed': 'Region {name} was saved ({n} buurten).',
  'regions.saved.removed': 'Region {name} was removed.',
  'regions.saved.removedMoved': 'Region {name} was removed; its buurten now belong to {to}.',

  'regions.removeTitle': 'Remove region {name}?',
  'regions.removeBody':
    'The region disappears from the budget, the scenarios and the map. This cannot be undone.',
  'regions.removeMoveTo': 'The {n} buurten of this region go to',
  'regions.removeMoveNone': 'no region (outside a region)',
  'regions.removeMoveHint':
    'If spending is booked on these buurten or their complexes, choose a region: otherwise that spending counts nowhere in the annual report.',

  'regions.refusal.region': 'Region {name} cannot be removed: {reasons}.',
  'regions.refusal.line': 'Line {name} cannot be removed: {reasons}.',
  'regions.refusal.spending.one': '1 spending line is booked on it ({years})',
  'regions.refusal.spending.many': '{n} spending lines are booked on it ({years})',
  'regions.refusal.adoptedRegion': 'the adopted begroting of {years} divides money over it',
  'regions.refusal.adoptedLine': 'the adopted begroting of {years} gives it a fixed amount',
  'regions.refusal.buurten.one':
    '1 spending line is booked on its buurten and complexes ({years}) and would then count in no region. Choose a region for the buurten to go to',
  'regions.refusal.buurten.many':
    '{n} spending lines are booked on its buurten and complexes ({years}) and would then count in no region. Choose a region for the buurten to go to',
  'regions.refusal.report': 'The annual report of {years} must stay whole.',
  'regions.and': 'and',
  'regions.close': 'Close',

  'lines.section': 'Lines without an area',
  'lines.hint':
    'Money that belongs to no buurt, such as staff. A scenario gives each line a fixed amount.',
  'lines.caption': 'Lines without an area',
  'lines.none': 'There are no lines without an area yet.',
  'lines.col.name': 'Line',
  'lines.rename': 'Rename',
  'lines.renameLabel': 'Rename line {name}',
  'lines.newName': 'New name for {name}',
  'lines.remove': 'Remove',
  'lines.removeLabel': 'Remove line {name}',
  'lines.removeTitle': 'Remove line {name}?',
  'lines.removeBody':
    'The line disappears from the budget and the scenario editor. This cannot be undone.',
  'lines.add': 'Add a line',
  'lines.field.name': 'Name of the new line',
  'lines.field.key': 'Key of the new line',
  'lines.saved.created': 'Line {name} was added.',
  'lines.saved.renamed': 'Line {key} is now called {name}.',
  'lines.saved.removed': 'Line {name} was removed.',
};
