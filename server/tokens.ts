/** Random bearer tokens and one-way hashes: the database only ever holds the hash. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) in base64url: unguessable, safe in a header. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// No 0/O, 1/I/L: read aloud in a room or typed from paper without confusion.
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short code of `length` characters from the unambiguous alphabet, e.g. a room join code. */
export function newShortCode(length: number): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += codeAlphabet[byte % codeAlphabet.length];
  return code;
}

/** Codes are compared case-insensitively and without spaces or dashes (people type them from paper). */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
