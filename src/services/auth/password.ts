import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard, in Node itself: no native module to build).
 * N = 2^15, r = 8 uses 32 MiB and about 100 ms per hash on the 2-core machine; the parameters
 * are stored with each hash, so they can be raised later without breaking old ones.
 */
const COST_LOG2 = 15;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;

function scrypt(
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function optionsOf(costLog2: number, blockSize: number, parallel: number): ScryptOptions {
  const N = 2 ** costLog2;
  return { N, r: blockSize, p: parallel, maxmem: 256 * N * blockSize + 1024 * 1024 };
}

/** `scrypt$15$8$1$<salt>$<hash>`, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, optionsOf(COST_LOG2, BLOCK_SIZE, PARALLEL));
  return [
    'scrypt',
    COST_LOG2,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [costLog2, blockSize, parallel] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![costLog2, blockSize, parallel].every((n) => Number.isInteger(n) && n > 0) || costLog2 > 20)
    return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || expected.length < 16) return false;
  const key = await scrypt(
    password,
    salt,
    expected.length,
    optionsOf(costLog2, blockSize, parallel),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password: verifying an unknown account against it costs as long as a
 * real check, so response times do not tell which e-mail addresses have accounts.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}

/** A password problem in words, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'a password may have at most 200 characters';
  const name = email.split('@')[0]!.toLowerCase();
  if (name.length >= 4 && password.toLowerCase().includes(name))
    return 'a password may not contain the name of the e-mail address';
  return null;
}

/** A random password for an administrator's reset: 20 characters, shown once. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
