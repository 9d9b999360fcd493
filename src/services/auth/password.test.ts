import { describe, expect, test } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('passwords', () => {
  test('a hash verifies its own password only, and never twice the same', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  test('malformed stored hashes never match', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$99$8$1$aa$bb',
      'bcrypt$1$2$3$4$5',
      'scrypt$15$8$1$$',
    ])
      expect(await verifyPassword('x', stored)).toBe(false);
  });

  test('rules for new passwords', () => {
    expect(passwordProblem('kort', 'a@b.nl')).toMatch(/at least 12/);
    expect(passwordProblem('jan.jansen-2026!', 'jan.jansen@b.nl')).toMatch(/name of the e-mail/);
    expect(passwordProblem('lang genoeg wachtwoord', 'a@b.nl')).toBeNull();
    expect(generatePassword()).toHaveLength(20);
  });
});
