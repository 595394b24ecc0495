import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import {
  anchorPublicKey,
  anchorSignatureValid,
  anchorText,
  newAnchorPrivateKey,
  signAnchor,
  timeStampRequest,
  timeStampStatus,
} from "./anchor";
import { chainField, chainHash, chainText, GENESIS_HASH } from "./chain";

const field = fc.option(fc.string({ unit: "grapheme" }), { nil: null });

describe("the chain's canonical text", () => {
  it("tells any two different rows apart (length-prefixed fields, NULL distinct from empty)", () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), fc.array(field, { maxLength: 6 }), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(chainText("RecordChange", "1", GENESIS_HASH, a)).not.toBe(
          chainText("RecordChange", "1", GENESIS_HASH, b),
        );
      }),
    );
    expect(chainField(null)).toBe("~");
    expect(chainField("")).toBe("0:");
    expect(chainField("é\n")).toBe("3:é\n");
  });

  it("covers the position and the previous hash", () => {
    const fields = ["1", "2026-01-01T00:00:00.000Z", null];
    const base = chainHash("AuditEvent", "1", GENESIS_HASH, fields);
    expect(chainHash("AuditEvent", "2", GENESIS_HASH, fields)).not.toBe(base);
    expect(chainHash("AuditEvent", "1", "1".repeat(64), fields)).not.toBe(base);
    expect(chainHash("RecordChange", "1", GENESIS_HASH, fields)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("anchors", () => {
  it("verify with the signer's public key only, and not once the text changes", () => {
    const key = newAnchorPrivateKey();
    const text = anchorText("2026-12-02", "42", "a".repeat(64));
    const signature = signAnchor(key, text);
    expect(anchorSignatureValid(anchorPublicKey(key), text, signature)).toBe(true);
    expect(anchorSignatureValid(anchorPublicKey(key), anchorText("2026-12-02", "43", "a".repeat(64)), signature)).toBe(
      false,
    );
    expect(anchorSignatureValid(anchorPublicKey(newAnchorPrivateKey()), text, signature)).toBe(false);
    expect(anchorSignatureValid("not a key", text, signature)).toBe(false);
  });

  it("RW_ANCHOR_PRIVATE_KEY takes a generated key and refuses anything else", () => {
    expect(readEnv({ RW_ANCHOR_PRIVATE_KEY: newAnchorPrivateKey() }).RW_ANCHOR_PRIVATE_KEY).toBeDefined();
    for (const bad of ["abc", Buffer.alloc(48).toString("base64"), "k1:" + Buffer.alloc(32).toString("base64")])
      expect(() => readEnv({ RW_ANCHOR_PRIVATE_KEY: bad })).toThrow(/RW_ANCHOR_PRIVATE_KEY/);
    expect(() => readEnv({ RW_TSA_URL: "not a url" })).toThrow(/RW_TSA_URL/);
  });

  it("asks a time-stamp authority in DER (RFC 3161) and reads its status", () => {
    const request = timeStampRequest(Buffer.alloc(32, 7), Buffer.alloc(8, 0xff));
    expect(request.toString("hex")).toBe(
      "30430201013031300d060960864801650304020105000420" + "07".repeat(32) + "02087f" + "ff".repeat(7) + "0101ff",
    );
    expect(timeStampStatus(Buffer.from("3082000a3003020100", "hex"))).toBe(0);
    expect(timeStampStatus(Buffer.from("3003", "hex"))).toBe(null);
    expect(timeStampStatus(Buffer.from("30053003020100", "hex"))).toBe(0);
    expect(timeStampStatus(Buffer.from("3081053003020102", "hex"))).toBe(2);
    expect(timeStampStatus(Buffer.from("0400", "hex"))).toBe(null);
  });
});
