"use client";

// Shown for unexpected server errors. It never shows the error's message: that could carry data
// the user may not see. The digest lets an operator find the full error in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3" role="alert" aria-label="Page error">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>
        The page could not be loaded. Try again; if it keeps happening, tell an administrator
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button type="button" onClick={reset} className="rounded border border-stone-400 px-3 py-1">
        Try again
      </button>
    </div>
  );
}
