import "server-only";
import { db } from "@/lib/db";
import { lockUserRow } from "@/lib/data/api-tokens";
import { readCaseQuery } from "@/lib/data/case-search";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { filterToQuery, paramsFromUrl } from "@/lib/validations/case-filter";
import { MAX_SAVED_VIEWS, MAX_VIEW_QUERY_LENGTH } from "@/lib/validations/saved-view";

/** A saved view as the account page lists it. */
export type SavedViewItem = { id: string; name: string; query: string; createdAt: Date; updatedAt: Date };

/**
 * The timeline query in its canonical form (fixed parameter order, defaults and paging left out),
 * so the same filters always save as the same link. A parameter that does not parse, or that the
 * actor may not filter by, is refused with that parameter's message.
 */
function canonicalQuery(actor: NonNullable<Actor>, query: string): string {
  const parsed = readCaseQuery(actor, paramsFromUrl(new URLSearchParams(query.replace(/^\?/, ""))));
  if (!parsed.ok) {
    const [parameter, message] = Object.entries(parsed.errors)[0] ?? ["query", "The filters could not be read."];
    throw ruleBroken(`The view was not saved: the filter "${parameter}" is not valid. ${message}`);
  }
  const { filter, listing } = parsed;
  // The chart step is part of the view: a view saved "per month" opens per month.
  const canonical = filterToQuery(filter, { sort: listing.sort === "date" ? undefined : listing.sort, by: listing.by });
  if (canonical.length > MAX_VIEW_QUERY_LENGTH)
    throw ruleBroken(
      `The view was not saved: its filters are longer than ${MAX_VIEW_QUERY_LENGTH.toLocaleString("en")} characters.`,
    );
  return canonical;
}

/**
 * Saves the actor's timeline filters under a name. Saving under a name the actor already uses
 * replaces that view's filters (`replaced` says so); at most MAX_SAVED_VIEWS views per user.
 */
export async function saveView(
  actor: Actor,
  input: { name: string; query: string },
): Promise<{ id: string; query: string; replaced: boolean }> {
  requirePermission(actor, "manage:saved-view:own");
  const owner = actor!;
  const query = canonicalQuery(owner, input.query);
  return db.$transaction(async (tx) => {
    await lockUserRow(tx, owner, "manage:saved-view:own");
    const existing = await tx.savedView.findUnique({
      where: { userId_name: { userId: owner.id, name: input.name } },
      select: { id: true },
    });
    if (existing) {
      await tx.savedView.update({ where: { id: existing.id }, data: { query } });
      return { id: existing.id, query, replaced: true };
    }
    if ((await tx.savedView.count({ where: { userId: owner.id } })) >= MAX_SAVED_VIEWS) {
      throw ruleBroken(
        `You already have ${MAX_SAVED_VIEWS} saved views, the most allowed. Delete one you no longer use, or save under an existing name to replace it.`,
      );
    }
    const created = await tx.savedView.create({
      data: { userId: owner.id, name: input.name, query },
      select: { id: true },
    });
    return { id: created.id, query, replaced: false };
  });
}

/** The actor's own saved views, by name. */
export async function listSavedViews(actor: Actor): Promise<SavedViewItem[]> {
  if (!can(actor, "manage:saved-view:own")) return [];
  return db.savedView.findMany({
    where: { userId: actor!.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true, createdAt: true, updatedAt: true },
  });
}

/**
 * Deletes one of the actor's own saved views; someone else's reads as absent ("not-found").
 * A real delete, unlike the soft deletes elsewhere: a saved view is a personal bookmark, not part
 * of the record, and nothing else refers to it.
 */
export async function deleteSavedView(actor: Actor, id: string): Promise<{ name: string }> {
  requirePermission(actor, "manage:saved-view:own");
  const owner = actor!;
  return db.$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({ where: { id, userId: owner.id }, select: { id: true, name: true } });
    if (!view) throw notFound("Saved view");
    await tx.savedView.deleteMany({ where: { id: view.id, userId: owner.id } });
    return { name: view.name };
  });
}
