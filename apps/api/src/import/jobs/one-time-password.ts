import { randomInt } from 'node:crypto';
import { argon2id, hash } from 'argon2';

/** Letters and digits without look-alikes (0/O, 1/l/I), so a password read off a printout is typed right. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/**
 * argon2id at OWASP's baseline (19 MiB, 2 passes): these passwords are random (~70 bits), so
 * the hash cost guards nothing a guess could find, while thousands of teachers must be hashed
 * in one import. The hash records its parameters; login verifies it like any other.
 */
const HASH_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A random initial password (12 characters, at least one letter and one digit). */
export function generateOneTimePassword(): string {
  for (;;) {
    const password = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/\d/.test(password) && /[a-z]/i.test(password)) return password;
  }
}

export function hashOneTimePassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}
