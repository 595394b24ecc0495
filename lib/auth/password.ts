import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id recommendation: m=19 MiB, t=2, p=1.
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with Argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Constant-time check of a password against an Argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified when no account matches the email so that a wrong
 * email takes as long as a wrong password and timing does not reveal which accounts exist.
 */
export const DUMMY_HASH_PROMISE = hashPassword(`dummy-${Math.random()}`);
