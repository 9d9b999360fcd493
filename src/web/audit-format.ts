/**
 * The details of an audit entry on one line: `key: value` pairs, lists joined, nested objects
 * as JSON; long lines are cut (the full text goes in a tooltip and the CSV).
 * @example compactDetails({ reason: 'wrong_password' }) // 'reason: wrong_password'
 */
export function compactDetails(details: Record<string, unknown>, max = 140): string {
  const text = Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** All details, for the tooltip: every pair on its own line. */
export function fullDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('\n');
}
