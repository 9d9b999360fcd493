import { ApiError } from './api-client.js';
import type { Locale } from '../domain/format/format-value.js';

/**
 * The allocation's refusals in the interface's language. The server explains in English for
 * developers ("floors cannot be met: …"); a policy adviser reads the same facts in Dutch, with
 * region names instead of keys. Unknown messages pass as they are: never hide a reason.
 */
const EURO = '(€ -?[\\d.,]+)';
const DUTCH: Array<[RegExp, (m: RegExpMatchArray, name: (key: string) => string) => string]> = [
  [
    new RegExp(
      `the budget ${EURO} is smaller than the fixed lines \\+ earmarks \\+ base per DAEB dwelling ${EURO}`,
    ),
    (m) =>
      `Het budget ${m[1]} is kleiner dan de vaste posten, oormerken en basis per DAEB-woning samen (${m[2]}).`,
  ],
  [
    new RegExp(`the budget ${EURO} is smaller than the fixed lines \\+ earmarks ${EURO}`),
    (m) => `Het budget ${m[1]} is kleiner dan de vaste posten en oormerken samen (${m[2]}).`,
  ],
  [
    new RegExp(`the budget ${EURO} is smaller than the fixed lines ${EURO}`),
    (m) => `Het budget ${m[1]} is kleiner dan de vaste posten samen (${m[2]}).`,
  ],
  [
    new RegExp(
      `floors cannot be met: the floors of (.+) with the earmarks and base elsewhere need ${EURO}, the area budget is ${EURO}`,
    ),
    (m, name) =>
      `De vloeren van ${names(m[1]!, name)} zijn niet te halen: met de oormerken en basis elders is ${m[2]} nodig, het gebiedsbudget is ${m[3]}.`,
  ],
  [
    new RegExp(
      `caps too low to place the budget: with the caps of (.+) at most ${EURO} of the area budget ${EURO} can be placed`,
    ),
    (m, name) =>
      `De plafonds van ${names(m[1]!, name)} zijn te laag: er kan ten hoogste ${m[2]} van het gebiedsbudget ${m[3]} worden verdeeld.`,
  ],
  [
    new RegExp(`region '(.+)': cap ${EURO} is below its earmarks and base ${EURO}`),
    (m, name) =>
      `Het plafond van ${name(m[1]!)} (${m[2]}) ligt onder de oormerken en basis daar (${m[3]}).`,
  ],
  [
    new RegExp(`region '(.+)': floor ${EURO} is above its cap ${EURO}`),
    (m, name) => `De vloer van ${name(m[1]!)} (${m[2]}) ligt boven het plafond (${m[3]}).`,
  ],
  [
    /no weight for (class|decile) (\d+) \((\S+) has it\)/,
    (m) =>
      `Geef een gewicht voor ${m[1] === 'class' ? 'klasse' : 'deciel'} ${m[2]}: buurt ${m[3]} valt erin.`,
  ],
  [
    /earmark for '(\S+)', a buurt not in the areas/,
    (m) => `Oormerk voor ${m[1]}: die buurt hoort bij geen budgetregio.`,
  ],
  [
    /no buurt has DAEB dwellings with a need weight above 0/,
    () =>
      'Geen buurt heeft DAEB-woningen met een gewicht boven 0: de behoeftepot kan nergens heen.',
  ],
];

const names = (list: string, name: (key: string) => string) =>
  list
    .split(', ')
    .map((k) => name(k.replace(/^'|'$/g, '')))
    .join(', ');

/** The messages of a refused scenario, one per problem, in the interface's language. */
export function scenarioProblems(
  error: Error,
  locale: Locale,
  regionName: (key: string) => string,
): string[] {
  const issues =
    error instanceof ApiError && Array.isArray(error.details.issues)
      ? (error.details.issues as Array<{ message?: unknown }>).map((i) => String(i.message ?? ''))
      : [error.message];
  if (locale !== 'nl') return issues;
  return issues.map((text) => {
    for (const [pattern, say] of DUTCH) {
      const m = pattern.exec(text);
      if (m) return say(m, regionName);
    }
    return text;
  });
}
