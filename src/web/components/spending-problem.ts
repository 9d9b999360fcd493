import type { Translate } from '../i18n/i18n.js';
import { problemOf, type Phrase } from '../server-messages.js';

/** The fields of the spending form; one select stands for the four possible targets. */
export type SpendingField =
  'date' | 'target' | 'category' | 'amount' | 'description' | 'agreements';

// The API names fields as the spending file's columns and calls the prestatieafspraken by name.
const FORM_FIELD: Record<string, SpendingField> = {
  year: 'date',
  date: 'date',
  region: 'target',
  buurt: 'target',
  complex: 'target',
  line: 'target',
  category: 'category',
  amount: 'amount',
  description: 'description',
  prestatieafspraken: 'agreements',
};

/** The server's row check speaks English to developers; what a user can hit gets Dutch. */
function say(field: SpendingField | null, text: string, t: Translate, year: number): string {
  if (field === 'date' && /out of range/.test(text))
    return t('budget.spending.error.dateOutOfYear', { year });
  if (field === 'date' && /not a date/.test(text)) return t('budget.spending.error.notDate');
  if (field === 'target' && /^no region|more than one/.test(text))
    return t('budget.spending.error.chooseTarget');
  if (field === 'target') return t('budget.spending.error.unknownTarget');
  if (field === 'amount' && !/characters/.test(text)) return t('budget.spending.error.notAmount');
  if (/^empty /.test(text)) return t('form.required');
  return text;
}

/**
 * What a refused spending line should say, and at which field of the form.
 * @example spendingProblem(new ApiError(400, 'validation_failed', 'date: date out of range: …', { field: 'date' }), t, phrase, 2025)
 *   // { field: 'date', text: 'Kies een datum in 2025.' }
 */
export function spendingProblem(
  error: Error,
  t: Translate,
  phrase: (p: Phrase) => string,
  year: number,
): { field: SpendingField | null; text: string } {
  const p = problemOf(error);
  const field = p.field ? (FORM_FIELD[p.field] ?? null) : null;
  return {
    field,
    text: 'text' in p.phrase ? say(field, p.phrase.text, t, year) : phrase(p.phrase),
  };
}
