import { randomFillSync } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = `${LETTERS}0123456789`;
const LENGTH = 24;

/** Random bytes fetched in bulk: one call to the system's generator per 170 ids. */
const pool = Buffer.alloc(LENGTH * 170);
let used = pool.length;

/**
 * A document id for a row the engine inserts itself: 24 lowercase letters and digits, starting with a
 * letter, as Strapi's own (cuid2) look, from about 123 random bits. cuid2 hashes its entropy with SHA-3
 * for every id (about 40 µs here, more than the rest of a history event's row mapping); ids need to be
 * unique and unguessable, not hashed (docs/performance.md).
 */
export const documentId = (): string => {
  if (used + LENGTH > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  // The modulo leaves a bias of 4 in 256 towards the first characters: ids stay unique, not uniform.
  let id = LETTERS[pool[used] % LETTERS.length];
  for (let i = 1; i < LENGTH; i += 1) id += ALPHABET[pool[used + i] % ALPHABET.length];
  used += LENGTH;
  return id;
};
