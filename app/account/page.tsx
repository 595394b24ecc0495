import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePagePermission } from "@/lib/auth/pages";
import { listApiTokens } from "@/lib/data/api-tokens";
import { listSavedViews } from "@/lib/data/saved-views";
import { can } from "@/lib/auth/permissions";
import { MAX_ACTIVE_API_TOKENS } from "@/lib/validations/api-token";
import { MAX_SAVED_VIEWS } from "@/lib/validations/saved-view";
import { ApiExample, ApiTokenTable, CreateApiTokenForm } from "@/components/account/api-token-forms";
import { SavedViewList } from "@/components/account/saved-view-forms";
import { SaveViewForm } from "@/components/account/save-view-form";
import { settings } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const when = (d: Date | null) => (d ? `${dateTime.format(d)} UTC` : "Never");

/** The app's public origin, for the example request (as the API itself reports it). */
async function origin(): Promise<string> {
  const configured = settings().NEXTAUTH_URL?.replace(/\/$/, "");
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}

export default async function AccountPage() {
  const actor = await requirePagePermission("manage:api-token:own", "/account");
  const canSaveViews = can(actor, "manage:saved-view:own");
  const [tokens, views, base] = await Promise.all([
    listApiTokens(actor),
    canSaveViews ? listSavedViews(actor) : Promise.resolve([]),
    origin(),
  ]);
  const active = tokens.filter((t) => !t.revokedAt).length;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-sm text-stone-700">
          Signed in as {actor.name} ({actor.email}).
        </p>
      </div>

      <section aria-labelledby="api-tokens-heading" id="api-tokens" className="space-y-3">
        <h2 id="api-tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-stone-700">
          A token lets a script read the{" "}
          {/* A plain link: the API description is a JSON document, not a page, so next/link's prefetch
              (an RSC request the route handler does not serve) has nothing to fetch. */}
          <a href="/api/v1/openapi.json" className="underline">
            JSON API
          </a>{" "}
          as you: it sees exactly the cases your account sees, and stops working when you revoke it or your account is
          disabled. Keep it secret. Send it in the Authorization header:
        </p>
        <ApiExample origin={base} />
        <p className="text-sm text-stone-700">
          You have {active} active of at most {MAX_ACTIVE_API_TOKENS} tokens.
        </p>
        <CreateApiTokenForm origin={base} />
        <ApiTokenTable
          tokens={tokens.map((t) => ({
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created: when(t.createdAt),
            lastUsed: when(t.lastUsedAt),
            revoked: t.revokedAt ? when(t.revokedAt) : null,
          }))}
        />
      </section>

      {canSaveViews && (
        <section aria-labelledby="saved-views-heading" id="saved-views" className="space-y-3">
          <h2 id="saved-views-heading" className="text-lg font-semibold">
            Saved views
          </h2>
          <p className="text-sm text-stone-700">
            Timeline filters you named to find again (at most {MAX_SAVED_VIEWS}). Only you see them.
          </p>
          <SavedViewList
            views={views.map((v) => ({ id: v.id, name: v.name, query: v.query, updated: when(v.updatedAt) }))}
          />
          <SaveViewForm />
        </section>
      )}
    </div>
  );
}
