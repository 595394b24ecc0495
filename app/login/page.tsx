import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a path on this app, whatever the link says (see lib/auth/safe-redirect.ts).
  const callbackUrl = sameOriginPath(params.callbackUrl, env().NEXTAUTH_URL ?? "http://localhost");
  if (await getActor()) redirect(callbackUrl);
  const demo = env().RW_DEMO_MODE === "1";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
      {demo && (
        <aside aria-labelledby="demo-accounts" className="rounded border border-amber-400 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-semibold">
            Demo accounts (demo mode only)
          </h2>
          <p>
            Password for each: <code>{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-1 list-disc pl-5">
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                <code>{u.email}</code> — {u.role.toLowerCase()}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}
