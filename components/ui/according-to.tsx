import Link from "next/link";
import { formatDay } from "@/lib/format/display";

/** "according to The Korea Herald, 14 Feb 2012" with links to each source's captured text. */
export function AccordingTo({
  sources,
}: {
  sources: { id: string; outlet: string; title: string; publishedAt: Date | null }[];
}) {
  if (sources.length === 0) return <span className="text-stone-600">no source recorded</span>;
  return (
    <span className="text-stone-700">
      according to{" "}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 && (i === sources.length - 1 ? " and " : ", ")}
          <Link href={`/sources/${s.id}`} className="underline" title={s.title}>
            {s.outlet}, {formatDay(s.publishedAt)}
          </Link>
        </span>
      ))}
    </span>
  );
}
