/**
 * Where to send someone after signing in, from a `callbackUrl` anyone can write into a link. The
 * value is parsed as a URL against the app's own origin (the way a browser will read it), never
 * checked by string prefixes: "/\evil.example", "/\t/evil.example" and "https://evil.example" all
 * resolve to another origin and are refused. What is returned is a path on this app, with leading
 * slashes collapsed so that it can never be read as protocol-relative ("//evil.example").
 */
export function sameOriginPath(value: unknown, appOrigin: string, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  return `/${target.pathname.replace(/^[/\\]+/, "")}${target.search}${target.hash}`;
}
