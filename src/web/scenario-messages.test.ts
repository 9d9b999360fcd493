import { describe, expect, test } from 'vitest';
import { ApiError } from './api-client.js';
import { scenarioProblems } from './scenario-messages.js';

const refused = (...messages: string[]) =>
  new ApiError(400, 'validation_failed', messages[0]!, {
    issues: messages.map((message) => ({ message })),
  });
const name = (key: string) => ({ noord: 'Haarlem-Noord', zuid: 'Schalkwijk' })[key] ?? key;

describe('scenarioProblems', () => {
  test.each([
    [
      'the budget € 100.000,00 is smaller than the fixed lines + earmarks + base per DAEB dwelling € 120.000,00',
      'Het budget € 100.000,00 is kleiner dan de vaste posten, oormerken en basis per DAEB-woning samen (€ 120.000,00).',
    ],
    [
      'floors cannot be met: the floors of noord, zuid with the earmarks and base elsewhere need € 2.000.000,00, the area budget is € 1.500.000,00',
      'De vloeren van Haarlem-Noord, Schalkwijk zijn niet te halen: met de oormerken en basis elders is € 2.000.000,00 nodig, het gebiedsbudget is € 1.500.000,00.',
    ],
    [
      "region 'noord': cap € 10,00 is below its earmarks and base € 40.000,00",
      'Het plafond van Haarlem-Noord (€ 10,00) ligt onder de oormerken en basis daar (€ 40.000,00).',
    ],
    [
      'no weight for class 6 (BU99010101 has it)',
      'Geef een gewicht voor klasse 6: buurt BU99010101 valt erin.',
    ],
  ])('%s', (english, dutch) => {
    expect(scenarioProblems(refused(english), 'nl', name)).toEqual([dutch]);
  });

  test('every issue, in English as the server said it for English users', () => {
    const error = refused('no weight for decile 3 (BU1 has it)', 'something new');
    expect(scenarioProblems(error, 'en', name)).toEqual([
      'no weight for decile 3 (BU1 has it)',
      'something new',
    ]);
    expect(scenarioProblems(error, 'nl', name)[1]).toBe('something new');
  });

  test('an error without issues gives its message', () => {
    expect(scenarioProblems(new Error('Netwerkfout'), 'nl', name)).toEqual(['Netwerkfout']);
  });
});
