import type { AnnotationThread } from "@/lib/data/annotations";
import { formatDay } from "@/lib/format/display";
import { ReplyForm, ResolveButton } from "@/components/annotations/annotation-forms";

export type AnnotationAbilities = { read: boolean; create: boolean; reply: boolean; resolve: boolean };

/** The notes on one target (a field, an event or the case), shown beside it. */
export function AnnotationThreads({ threads, can }: { threads: AnnotationThread[]; can: AnnotationAbilities }) {
  if (!can.read || threads.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2" aria-label="Annotations">
      {threads.map((t) => (
        <li
          key={t.id}
          className={`rounded border p-2 text-sm ${t.resolved ? "border-stone-300 bg-stone-50 text-stone-600" : "border-sky-400 bg-sky-50"}`}
          data-testid="annotation"
        >
          <p className="text-xs text-stone-700">
            Note by <strong>{t.author.name}</strong>, {formatDay(t.createdAt)}
            {t.resolved ? (
              <span className="ml-2 rounded bg-stone-200 px-1">Resolved</span>
            ) : (
              <span className="ml-2 rounded bg-sky-200 px-1">Open</span>
            )}
          </p>
          <p className="whitespace-pre-wrap">{t.body}</p>
          {t.replies.length > 0 && (
            <ul className="mt-1 space-y-1 border-l-2 border-stone-300 pl-3">
              {t.replies.map((r) => (
                <li key={r.id} data-testid="annotation-reply">
                  <span className="text-xs text-stone-700">
                    <strong>{r.author.name}</strong>, {formatDay(r.createdAt)}:{" "}
                  </span>
                  <span className="whitespace-pre-wrap">{r.body}</span>
                </li>
              ))}
            </ul>
          )}
          {!t.resolved && (
            <div className="mt-1 flex flex-wrap items-start gap-3">
              {can.reply && (
                <div className="min-w-64 flex-1">
                  <ReplyForm annotationId={t.id} />
                </div>
              )}
              {can.resolve && <ResolveButton annotationId={t.id} version={t.version} />}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
