import { settings } from "@/lib/env";

/**
 * The Content-Security-Policy. Pages get a fresh nonce per request (proxy.ts) and 'strict-dynamic',
 * so only scripts Next.js itself emitted can run: an injected <script> or inline handler cannot.
 * Responses without HTML (route handlers) get the same policy without a nonce.
 */
export function contentSecurityPolicy(nonce?: string): string {
  const dev = settings().NODE_ENV === "development";
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'self'",
    // React and Tailwind set style attributes at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
