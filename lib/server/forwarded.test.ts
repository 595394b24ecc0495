import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLIENT_IP_HEADER,
  clientAddress,
  normaliseAddress,
  parseTrustedProxies,
  sanitiseForwardedHeaders,
} from "./forwarded";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, loopback, 2001:db8:1::/48");

describe("parseTrustedProxies", () => {
  it("reads addresses, ranges and 'loopback'", () => {
    expect(proxies.matches("10.1.2.3")).toBe(true);
    expect(proxies.matches("127.0.0.1")).toBe(true);
    expect(proxies.matches("::1")).toBe(true);
    expect(proxies.matches("2001:db8:1::5")).toBe(true);
    expect(proxies.matches("11.0.0.1")).toBe(false);
    expect(none.matches("127.0.0.1")).toBe(false);
  });

  it.each(["10.0.0.0/33", "not-an-ip", "10.0.0.1/8/2", "example.org", "::1/129"])("refuses %j, naming it", (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(entry);
  });
});

describe("clientAddress", () => {
  it("is the socket's address unless the socket is a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
  });

  it("behind trusted proxies, is the rightmost address that is not one of them", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client wrote the left part itself; our proxies appended the right part.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9", proxies)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", ["6.6.6.6", "198.51.100.1:4431"], proxies)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", "garbage, 10.0.0.9", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
  });

  it("from an untrusted socket, no header ever changes the answer", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), (single, list) => {
        expect(clientAddress("203.0.113.9", single, none)).toBe("203.0.113.9");
        expect(clientAddress("203.0.113.9", list, proxies)).toBe("203.0.113.9");
      }),
    );
  });
});

describe("sanitiseForwardedHeaders", () => {
  it("drops forwarded headers and a client-set client-IP header from an untrusted peer", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "watch.example.org",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4",
      [CLIENT_IP_HEADER]: "1.2.3.4",
    };
    expect(sanitiseForwardedHeaders(headers, "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(headers).toEqual({ host: "watch.example.org", [CLIENT_IP_HEADER]: "203.0.113.9" });
  });

  it("keeps a trusted proxy's headers", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-host": "watch.example.org",
      "x-forwarded-proto": "https",
    };
    sanitiseForwardedHeaders(headers, "10.0.0.2", proxies);
    expect(headers).toMatchObject({
      "x-forwarded-host": "watch.example.org",
      "x-forwarded-proto": "https",
      [CLIENT_IP_HEADER]: "198.51.100.1",
    });
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[::1]:443", "::1"],
    ["10.0.0.1:8080", "10.0.0.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["nonsense", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});
