/**
 * Encryption at rest for restricted personal fields (the schema's `…Enc` columns): AES-256-GCM with
 * a random 12-byte IV per value, stored as `enc:v1:<keyId>:<iv>:<authTag>:<ciphertext>` (base64url).
 * The column name is the additional authenticated data, so a ciphertext copied into another column
 * (a real name shown as an address, say) fails to decrypt instead of being shown in the wrong place.
 *
 * Keys come from RW_ENCRYPTION_KEYS, `keyId:base64Key[,keyId:base64Key…]`: the first key encrypts,
 * the others only decrypt, so a new key can be put in front and the data re-encrypted afterwards
 * (`npm run keys:rotate`). No "server-only" here: scripts (start, seed, rotation) use it too.
 * Error messages name the variable, the column and the key id; never key material or plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { settings } from "@/lib/env";

export const ENCRYPTION_KEYS_VAR = "RW_ENCRYPTION_KEYS";

/** Every column that holds ciphertext, as `Model.column`: the additional authenticated data of its values. */
export const ENCRYPTED_COLUMNS = [
  "Person.realNameEnc",
  "Person.realNameAltEnc",
  "Person.contactDetailsEnc",
  "Person.exactAddressEnc",
  "Contact.contactDetailsEnc",
] as const;
export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];

const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// Standard or URL-safe alphabet, padding optional; the decoded length is checked separately.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
// 12 bytes of IV are exactly 16 base64url characters, 16 bytes of tag exactly 22.
const STORED = /^enc:v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

/** A failure to parse keys or to encrypt or decrypt a value; its message never contains secrets. */
export class EncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionError";
  }
}

/** Parsed keys, in order; the first is current. Key material stays out of logs, JSON and inspection. */
export class Keyring {
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** Key ids in the configured order; `ids[0]` encrypts. */
  readonly ids: readonly string[];
  /** Where the keys came from, for error messages (e.g. "RW_ENCRYPTION_KEYS"). */
  readonly source: string;

  constructor(entries: readonly { id: string; key: Buffer }[], source: string) {
    if (entries.length === 0) throw new EncryptionError(`${source} holds no key`);
    this.#keys = new Map(entries.map((e) => [e.id, Buffer.from(e.key)]));
    this.ids = entries.map((e) => e.id);
    this.source = source;
  }

  get currentId(): string {
    return this.ids[0];
  }

  /** The key with this id, or undefined when the keyring does not hold it. */
  key(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  toJSON(): { ids: readonly string[]; source: string } {
    return { ids: this.ids, source: this.source };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Keyring(${this.ids.join(", ")})`;
  }
}

/**
 * Parses `keyId:base64Key[,keyId:base64Key…]` (32-byte keys, unique ids of 1–32 `A-Za-z0-9_-`).
 * `source` names the setting in error messages.
 */
export function loadKeyring(value: string | undefined, source: string = ENCRYPTION_KEYS_VAR): Keyring {
  if (!value || !value.trim()) {
    throw new EncryptionError(
      `${source} is not set: it must hold keyId:base64Key[,keyId:base64Key…], the first key being the current one`,
    );
  }
  const entries: { id: string; key: Buffer }[] = [];
  value.split(",").forEach((raw, index) => {
    const entry = raw.trim();
    // Malformed entries are described by position only: echoing them could print a key.
    const where = `${source}, entry ${index + 1}`;
    if (!entry) throw new EncryptionError(`${where} is empty (stray comma?)`);
    const colon = entry.indexOf(":");
    if (colon < 0) throw new EncryptionError(`${where} is not keyId:base64Key`);
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new EncryptionError(`${where} has an invalid key id: use 1 to 32 of A-Z a-z 0-9 _ -`);
    if (entries.some((e) => e.id === id)) throw new EncryptionError(`${source}: key id "${id}" appears more than once`);
    const key = BASE64.test(material) ? Buffer.from(material, "base64") : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new EncryptionError(
        `${source}: key "${id}" is not ${KEY_BYTES} bytes of base64 (generate one with: openssl rand -base64 32)`,
      );
    }
    entries.push({ id, key });
  });
  return new Keyring(entries, source);
}

let envKeyring: Keyring | undefined;

/** The app's keyring, parsed from RW_ENCRYPTION_KEYS on first use. Scripts pass theirs explicitly instead. */
export function keyringFromEnv(): Keyring {
  envKeyring ??= loadKeyring(settings().RW_ENCRYPTION_KEYS);
  return envKeyring;
}

/** A fresh `keyId:base64Key` entry; the id carries the creation date so operators can tell keys apart. */
export function newKeyEntry(now: Date = new Date()): { id: string; entry: string } {
  const id = `k${now.toISOString().slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex")}`;
  return { id, entry: `${id}:${randomBytes(KEY_BYTES).toString("base64")}` };
}

/** Encrypts `plaintext` for `column` under the keyring's current key. */
export function encryptField(keyring: Keyring, column: EncryptedColumn, plaintext: string): string {
  const id = keyring.currentId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.key(id) as Buffer, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(column, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `enc:v1:${id}:${iv.toString("base64url")}:${tag.toString("base64url")}:${ciphertext.toString("base64url")}`;
}

/** Decrypts a value stored in `column`; throws an EncryptionError when the key is missing or the value was altered or moved. */
export function decryptField(keyring: Keyring, column: EncryptedColumn, stored: string): string {
  const match = STORED.exec(stored);
  if (!match) throw new EncryptionError(`${column} does not hold an enc:v1 value`);
  const [, id, iv, tag, ciphertext] = match;
  const key = keyring.key(id);
  if (!key) {
    throw new EncryptionError(
      `Cannot decrypt ${column}: key "${id}" is not in ${keyring.source} (it holds ${keyring.ids.join(", ")})`,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(column, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new EncryptionError(
      `Cannot decrypt ${column} with key "${id}": the value was altered, belongs to another column, or was not encrypted with this key`,
    );
  }
}

/** The id of the key a stored value was encrypted with; throws when the value is not an enc:v1 value. */
export function keyIdOf(stored: string): string {
  const match = STORED.exec(stored);
  if (!match) throw new EncryptionError("The value is not an enc:v1 value");
  return match[1];
}
