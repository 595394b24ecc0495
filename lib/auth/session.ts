import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { authenticateUser, endSession, getActorForToken, startSession } from "@/lib/data/sessions";
import type { Actor } from "@/lib/auth/permissions";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { throttledMessage } from "@/lib/data/sign-in-throttle";
import { CLIENT_IP_HEADER } from "@/lib/server/forwarded";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
import { signInSchema } from "@/lib/validations/auth";

/**
 * next-auth v4 with email + password. Credentials only work with JWT sessions, so the JWT carries a
 * session id (a UserSession row) and the user's sessionVersion, both checked on every request
 * (getActor): signing out revokes that session, "sign out everywhere" bumps the version.
 * See docs/decisions/003-session-strategy.md.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // Set by the app's HTTP server from the socket (or a trusted proxy), never by the client.
        const address = req?.headers?.[CLIENT_IP_HEADER];
        const ip = (Array.isArray(address) ? address[0] : address) ?? null;
        const result = await authenticateUser(parsed.data.email, parsed.data.password, ip);
        // next-auth v4 hands a thrown error's message to signIn() as `error`; returning null gives
        // the generic "CredentialsSignin". The message names only a time, never the account.
        if (result.status === "throttled") throw new Error(throttledMessage(result.retryAt));
        if (result.status !== "ok") return null;
        const { user } = result;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: string; sessionVersion: number };
        token.userId = u.id;
        token.role = u.role;
        token.sessionVersion = u.sessionVersion;
        token.sessionId = await startSession(u.id, SESSION_MAX_AGE_SECONDS);
      }
      return token;
    },
    // Every redirect next-auth makes from a callbackUrl stays on this app (see safe-redirect.ts).
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${sameOriginPath(url, baseUrl)}`;
    },
    async session({ session, token }) {
      // Only what the header needs; authorization never trusts these values (see getActor).
      (session as unknown as { role?: unknown }).role = token.role;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await endSession((token as { sessionId?: unknown } | null)?.sessionId);
    },
  },
};

/**
 * The signed-in user for this request, checked against the database (disabled users, role changes
 * and "sign out everywhere" take effect on the next request), or null for a visitor.
 * Cached per request so a page and its components share one lookup.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const cookieStore = await cookies();
  const token = await getToken({
    req: { cookies: cookieStore, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env().NEXTAUTH_SECRET,
  });
  return getActorForToken(token as { sessionId?: unknown; sessionVersion?: unknown } | null);
});
