import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  EncryptionError,
  keyIdOf,
  loadKeyring,
  newKeyEntry,
} from "@/lib/crypto/encryption";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const ringA = loadKeyring(`a:${keyA}`);
const ringBA = loadKeyring(`b:${keyB},a:${keyA}`);

/** Replaces one part of an enc:v1 value (3 = iv, 4 = tag, 5 = ciphertext) by `change(part)`. */
function alter(stored: string, index: number, change: (part: string) => string): string {
  const parts = stored.split(":");
  parts[index] = change(parts[index]);
  return parts.join(":");
}

/** Flips the first character of a base64url string to another valid one. */
const flipFirst = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);

describe("encryptField / decryptField", () => {
  it("round-trips ASCII, Korean, emoji and the empty string", () => {
    for (const text of [
      "[Synthetic] Kim Restricted-Example",
      "김정은 아님, 함경북도 회령시 (가상)",
      "phone +82 10 0000 0000 📞",
      "",
    ]) {
      const stored = encryptField(ringA, "Person.realNameEnc", text);
      expect(stored).toMatch(/^enc:v1:a:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
      expect(decryptField(ringA, "Person.realNameEnc", stored)).toBe(text);
    }
  });

  it("never stores the plaintext, and encrypts the same input differently each time", () => {
    const text = "Kim Restricted-Example";
    const first = encryptField(ringA, "Person.realNameEnc", text);
    const second = encryptField(ringA, "Person.realNameEnc", text);
    expect(first).not.toBe(second);
    expect(first.split(":")[3]).not.toBe(second.split(":")[3]); // a fresh IV
    for (const stored of [first, second]) {
      expect(stored).not.toContain(text);
      expect(stored).not.toContain(Buffer.from(text).toString("base64url"));
    }
  });

  it("detects a changed ciphertext, tag or IV", () => {
    const stored = encryptField(ringA, "Person.exactAddressEnc", "Building 3, Room 12 (synthetic)");
    for (const index of [3, 4, 5]) {
      const tampered = alter(stored, index, flipFirst);
      expect(tampered).not.toBe(stored);
      expect(() => decryptField(ringA, "Person.exactAddressEnc", tampered)).toThrow(/altered/);
    }
    // A truncated ciphertext is still well-formed text but fails authentication.
    expect(() =>
      decryptField(
        ringA,
        "Person.exactAddressEnc",
        alter(stored, 5, (c) => c.slice(0, -4)),
      ),
    ).toThrow(EncryptionError);
  });

  it("refuses a value moved to another column (the column is authenticated)", () => {
    const stored = encryptField(ringA, "Person.realNameEnc", "A real name");
    expect(() => decryptField(ringA, "Person.exactAddressEnc", stored)).toThrow(
      /Cannot decrypt Person\.exactAddressEnc .*another column/,
    );
    expect(() => decryptField(ringA, "Contact.contactDetailsEnc", stored)).toThrow(EncryptionError);
  });

  it("refuses a value whose key id was rewritten to another key in the ring", () => {
    const stored = encryptField(ringBA, "Person.realNameEnc", "A real name");
    expect(() =>
      decryptField(
        ringBA,
        "Person.realNameEnc",
        alter(stored, 2, () => "a"),
      ),
    ).toThrow(/with key "a"/);
  });

  it("names an unknown key id and the keys it has, without any key material", () => {
    const stored = encryptField(ringBA, "Contact.contactDetailsEnc", "someone@example.org");
    let message = "";
    try {
      decryptField(ringA, "Contact.contactDetailsEnc", stored);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Cannot decrypt Contact.contactDetailsEnc: key "b" is not in RW_ENCRYPTION_KEYS (it holds a)');
  });

  it("refuses text that is not an enc:v1 value, without echoing it", () => {
    for (const bad of ["Kim Plaintext", "enc:v2:a:x:y:z", "enc:v1:a:short:short:abc"]) {
      expect(() => decryptField(ringA, "Person.realNameEnc", bad)).toThrow(
        "Person.realNameEnc does not hold an enc:v1 value",
      );
      expect(() => keyIdOf(bad)).toThrow(EncryptionError);
    }
  });

  it("encrypts with the first key of the ring and decrypts with any of them", () => {
    const underA = encryptField(ringA, "Person.contactDetailsEnc", "via a cousin");
    const underB = encryptField(ringBA, "Person.contactDetailsEnc", "via a cousin");
    expect(keyIdOf(underA)).toBe("a");
    expect(keyIdOf(underB)).toBe("b");
    expect(decryptField(ringBA, "Person.contactDetailsEnc", underA)).toBe("via a cousin");
    expect(() => decryptField(ringA, "Person.contactDetailsEnc", underB)).toThrow(/key "b" is not in/);
  });
});

describe("loadKeyring", () => {
  it("reads ids in order, the first being current, and accepts base64url and surrounding spaces", () => {
    const urlSafe = randomBytes(32).toString("base64url");
    const ring = loadKeyring(` k2:${keyB} , k1:${urlSafe}`);
    expect(ring.ids).toEqual(["k2", "k1"]);
    expect(ring.currentId).toBe("k2");
    expect(ring.key("k1")?.toString("base64url")).toBe(urlSafe);
  });

  it.each([
    [undefined, "RW_ENCRYPTION_KEYS is not set"],
    ["  ", "RW_ENCRYPTION_KEYS is not set"],
    [`a:${keyA},`, "RW_ENCRYPTION_KEYS, entry 2 is empty"],
    [keyA, "RW_ENCRYPTION_KEYS, entry 1 is not keyId:base64Key"],
    [`bad id:${keyA}`, "RW_ENCRYPTION_KEYS, entry 1 has an invalid key id"],
    [`${"x".repeat(33)}:${keyA}`, "RW_ENCRYPTION_KEYS, entry 1 has an invalid key id"],
    [`:${keyA}`, "RW_ENCRYPTION_KEYS, entry 1 has an invalid key id"],
    [`a:${keyA},a:${keyB}`, 'RW_ENCRYPTION_KEYS: key id "a" appears more than once'],
    [`a:${randomBytes(16).toString("base64")}`, 'RW_ENCRYPTION_KEYS: key "a" is not 32 bytes of base64'],
    [`a:${keyA.slice(0, -2)}!!`, 'RW_ENCRYPTION_KEYS: key "a" is not 32 bytes of base64'],
  ])("refuses %j", (value, message) => {
    let thrown: unknown;
    try {
      loadKeyring(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EncryptionError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain(keyA);
    expect((thrown as Error).message).not.toContain(keyA.slice(0, 12));
  });

  it("names the source it was given", () => {
    expect(() => loadKeyring("", ".data/secrets.json")).toThrow(".data/secrets.json is not set");
  });

  it("keeps key material out of JSON and inspection", () => {
    const ring = loadKeyring(`b:${keyB},a:${keyA}`);
    const shown = `${JSON.stringify(ring)} ${inspect(ring)} ${inspect({ ring }, { depth: 5, showHidden: true })}`;
    expect(shown).toContain("b");
    for (const key of [keyA, keyB]) {
      expect(shown).not.toContain(key);
      expect(shown).not.toContain(Buffer.from(key, "base64").toString("hex").slice(0, 16));
    }
  });
});

describe("newKeyEntry", () => {
  it("makes a loadable entry with a dated id, different every time", () => {
    const first = newKeyEntry(new Date("2026-11-28T10:00:00Z"));
    const second = newKeyEntry(new Date("2026-11-28T10:00:00Z"));
    expect(first.id).toMatch(/^k20261128-[0-9a-f]{6}$/);
    expect(first.entry).not.toBe(second.entry);
    expect(loadKeyring(`${first.entry},${second.entry}`).ids).toEqual([first.id, second.id]);
  });
});
