import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth";
import { LoginForm } from "@/components/auth/login-form";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths are accepted as a place to go back to after signing in. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") ? v : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const demo = process.env.RW_DEMO_MODE === "1";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
      {demo && (
        <aside aria-labelledby="demo-accounts" className="rounded border border-amber-400 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-semibold">Demo accounts (demo mode only)</h2>
          <p>Password for each: <code>{DEMO_PASSWORD}</code></p>
          <ul className="mt-1 list-disc pl-5">
            {DEMO_USERS.map((u) => <li key={u.email}><code>{u.email}</code> — {u.role.toLowerCase()}</li>)}
          </ul>
        </aside>
      )}
    </div>
  );
}
