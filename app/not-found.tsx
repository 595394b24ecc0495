import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>
        There is nothing here that you can see. If you followed a link to a case, it may not be published, or you may
        need to sign in.
      </p>
      <p>
        <Link href="/cases" className="underline">
          All cases
        </Link>
      </p>
    </div>
  );
}
