/**
 * Who is on the other end of a request. The socket's address is the truth unless the connection comes
 * from a proxy the operator configured (RW_TRUSTED_PROXIES): only then are X-Forwarded-For,
 * X-Forwarded-Host and X-Forwarded-Proto believed. A client that sends those headers itself gets them
 * removed, so it can neither pick its own address for sign-in throttling nor its own host for the
 * server actions' Origin check.
 */
import net from "node:net";

export type TrustedProxies = { matches(address: string): boolean; describe: string };

/** Headers only a trusted proxy may set; anyone else's are dropped. */
export const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
] as const;

/** The header the HTTP server sets on every request with the client's address; any incoming value is replaced. */
export const CLIENT_IP_HEADER = "x-rw-client-ip";

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1"; "[::1]:443" or "10.0.0.1:443" → the address. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return net.isIP(value) ? value.toLowerCase() : null;
}

/**
 * Parses RW_TRUSTED_PROXIES: a comma-separated list of addresses and CIDR ranges, or `loopback`
 * (127.0.0.0/8 and ::1). Empty or unset: no proxy is trusted. Throws on anything it cannot read,
 * naming the entry, so a typo never silently trusts nothing (or everything).
 */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  const entries = (setting ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits, extra] = entry.split("/");
    const family = net.isIP(address);
    if (!family || extra !== undefined)
      throw new Error(
        `RW_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1, loopback).`,
      );
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128))
      throw new Error(`RW_TRUSTED_PROXIES: "${entry}" has an invalid prefix length.`);
    list.addSubnet(address, prefix, type);
  }
  return {
    matches: (address) => {
      const family = net.isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
    describe: entries.length ? entries.join(", ") : "none",
  };
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the last address in
 * X-Forwarded-For that is not itself a trusted proxy (the rightmost entries are the ones our own
 * proxies appended; anything to their left could have been written by the client).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = normaliseAddress(socketAddress);
  if (!peer || !trusted.matches(peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => normaliseAddress(h));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) return peer; // an unreadable hop: stop believing the chain here
    if (!trusted.matches(hop)) return hop;
  }
  return hops.find(Boolean) ?? peer;
}

/**
 * Rewrites a request's headers in place: proxy headers from an untrusted peer are removed, and the
 * client address header is set from what we actually know.
 */
export function sanitiseForwardedHeaders(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = normaliseAddress(socketAddress);
  const client = clientAddress(socketAddress, headers["x-forwarded-for"], trusted);
  if (!peer || !trusted.matches(peer)) for (const name of PROXY_HEADERS) delete headers[name];
  if (client) headers[CLIENT_IP_HEADER] = client;
  else delete headers[CLIENT_IP_HEADER];
  return client;
}
