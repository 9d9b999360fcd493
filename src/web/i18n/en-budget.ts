import type { budgetNl } from './nl-budget.js';

/** English texts of the budget page; spread into en.ts. */
export const budgetEn: Record<keyof typeof budgetNl, string> = {
  'nav.budget': 'Budget',

  'budget.eyebrow': 'Livability spending',
  'budget.title': 'Budget',
  'budget.lead':
    'The adopted budget per region, what was actually spent, and the year’s allocation scenarios side by side.',
  'budget.loading': 'Loading the budget…',
  'budget.none': 'There are no budget scenarios yet. Create one with the command line or the API.',
  'budget.year': 'Budget year',
  'budget.yearNotAdopted': '{year} (not adopted yet)',
  'budget.noAdopted': 'No budget has been adopted for {year} yet, so the budget counts as €0.',
  'budget.unplaced': '{n} spending lines belong to no region and are left out of the tables.',

  'budget.report.title': 'Table for the annual report',
  'budget.report.caption': 'Livability spending {year} (amounts × €1,000)',
  'budget.report.item': 'Region or line',
  'budget.report.download': 'Download the table',
  'budget.report.forbiddenTitle': 'Annual-report table not available',
  'budget.report.forbidden':
    'This table covers the corporation’s whole working area. Your account sees part of it; the realisation per region below shows the regions in your area.',
  'budget.report.capWarning':
    'Note: {column} comes to {amount} per DAEB dwelling, above the cap of {cap}.',
  'budget.report.exceedsCap': 'above the cap',
  'budget.report.rounding':
    'Amounts are rounded to thousands of euros; the total is rounded once, so the lines do not always add up to it exactly.',

  'budget.realisation.title': 'Realisation per region',
  'budget.realisation.caption': 'Budget and realisation {year} per region and line, in euros',
  'budget.realisation.hint':
    'Difference = realisation − budget: + means more was spent than budgeted, − less.',
  'budget.realisation.none': 'There are no regions or lines in your area.',
  'budget.col.item': 'Region or line',
  'budget.col.budget': 'Budget',
  'budget.col.spent': 'Realisation',
  'budget.col.difference': 'Difference',
  'budget.col.daeb': 'DAEB dwellings',
  'budget.col.budgetPerDaeb': 'Budget per DAEB dwelling',
  'budget.col.spentPerDaeb': 'Realisation per DAEB dwelling',
  'budget.line': 'line without an area',
  'budget.diff.over': 'more spent than budgeted',
  'budget.diff.under': 'less spent than budgeted',
  'budget.diff.even': 'equal to the budget',

  'budget.scenarios.title': 'Scenarios {year} side by side',
  'budget.scenarios.lead':
    'Per region the amount in each scenario and the difference with the first scenario ({name}).',
  'budget.scenarios.none': 'There are no scenarios for {year}.',
  'budget.scenarios.caption': 'Allocation {year} per region and fixed line, per scenario, in euros',
  'budget.scenarios.region': 'Region or line',
  'budget.scenarios.amount': 'Amount',
  'budget.scenarios.diff': 'Difference',
  'budget.scenarios.perDaeb': 'Per DAEB dwelling',
  'budget.scenarios.total': 'Total',
  'budget.scenarios.areaBudget': 'Budget for areas',
  'budget.scenarios.areaPerDaeb': 'Area budget per DAEB dwelling',
  'budget.scenarios.share': 'Share to the most vulnerable quintile',
  'budget.scenarios.adopted': 'adopted',
  'budget.scenarios.meta': 'Created by {by}',
  'budget.scenarios.adoptedMeta': 'Adopted by {by}',

  'budget.adopt': 'Adopt as the budget',
  'budget.adopt.confirmTitle': 'Adopt “{name}” as the {year} budget?',
  'budget.adopt.confirmBody':
    'An adopted budget is frozen: the scenario can no longer be changed or deleted afterwards. Each year has one adopted budget.',
  'budget.adopt.busy': 'Adopting…',
  'budget.adopt.done': '“{name}” has been adopted as the {year} budget.',
  'budget.adopt.failed': 'Adopting failed: {message}',
};
