import Link from "next/link";
import type { ClaimDto } from "@/lib/data/cases";
import { formatDay } from "@/lib/format/display";

/** A quoted passage with the source it comes from. */
export function Quote({ claim }: { claim: ClaimDto }) {
  return (
    <figure className="border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm">
      <blockquote className="italic" lang={claim.source.language}>
        “{claim.quote}”
      </blockquote>
      <figcaption className="mt-1 text-xs text-stone-700">
        —{" "}
        <Link href={`/sources/${claim.source.id}`} className="underline">
          {claim.source.outlet}
        </Link>
        , {formatDay(claim.source.publishedAt)}
      </figcaption>
    </figure>
  );
}
