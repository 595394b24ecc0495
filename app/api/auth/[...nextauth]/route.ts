import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/session";
import { sameOriginPath } from "@/lib/auth/safe-redirect";

const handler = NextAuth(authOptions);

const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

/**
 * next-auth answers 500 when a callbackUrl (in the query or its cookie) is not a URL it can parse
 * ("foo"), and trusts any it can. Every callbackUrl is made a path on this app before next-auth sees
 * it (lib/auth/safe-redirect.ts), so a crafted link gets neither an error page nor a redirect away.
 */
function withSafeCallbacks(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  const given = url.searchParams.get("callbackUrl");
  if (given !== null) url.searchParams.set("callbackUrl", sameOriginPath(given, url.origin));
  const cookies = request.cookies.getAll();
  const callbackCookie = cookies.some((c) => CALLBACK_COOKIE.test(c.name));
  if (callbackCookie) {
    const safe = (c: { name: string; value: string }) =>
      CALLBACK_COOKIE.test(c.name) ? `${url.origin}${sameOriginPath(c.value, url.origin)}` : c.value;
    headers.set("cookie", cookies.map((c) => `${c.name}=${encodeURIComponent(safe(c))}`).join("; "));
  }
  if (given === null && !callbackCookie) return request;
  const init = { method: request.method, headers, body: request.body, duplex: "half" } as ConstructorParameters<
    typeof NextRequest
  >[1];
  return new NextRequest(url, init);
}

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: NextRequest, context: Context) {
  return handler(withSafeCallbacks(request), context);
}

export function POST(request: NextRequest, context: Context) {
  return handler(withSafeCallbacks(request), context);
}
