/**
 * Loads the seed report (always, once) and, in demo mode only, the demo accounts and a few
 * clearly-labelled synthetic cases and people. Idempotent: running it again changes nothing. Every
 * record goes through the data layer as the system actor (lib/data/system-actor.ts), so it is
 * validated, dated and recorded in the history exactly as the app's own writes are. The data layer is
 * server-only, so scripts that seed run under `node --conditions=react-server` (the npm scripts do).
 */
import type { Db } from "../../lib/db/create.ts";
import type { Keyring } from "../../lib/crypto/encryption.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { createAdvocacyInTx } from "../../lib/data/advocacy.ts";
import { createCaseInTx } from "../../lib/data/case-writes.ts";
import { createContactInTx } from "../../lib/data/contacts.ts";
import { createEventInTx, eventData } from "../../lib/data/events.ts";
import { createPersonInTx } from "../../lib/data/people.ts";
import { captureSourceInTx, sourceQuoter } from "../../lib/data/sources.ts";
import { createStatSeriesInTx } from "../../lib/data/stat-series.ts";
import { systemActorInTx } from "../../lib/data/system-actor.ts";
import { createTermInTx } from "../../lib/data/vocabularies.ts";
import { addTermSchema } from "../../lib/validations/vocabulary.ts";
import type { Vocabulary } from "../../lib/generated/prisma/enums.ts";
import { SEED_VOCABULARIES } from "./vocabularies.ts";
import { createAdvocacySchema } from "../../lib/validations/advocacy.ts";
import { createCaseSchema } from "../../lib/validations/case.ts";
import { createContactSchema } from "../../lib/validations/contact.ts";
import { addEventSchema } from "../../lib/validations/event.ts";
import { captureSourceSchema } from "../../lib/validations/source.ts";
import { ARRIVALS_SERIES, Q, REPORT_CASES, REPORT_CONTACTS, REPORT_SOURCE, readReport } from "./korea-herald-2012.ts";
import { DEMO_PASSWORD, DEMO_USERS, SYNTHETIC_CASES, SYNTHETIC_PEOPLE } from "./demo.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type SystemActor = Awaited<ReturnType<typeof systemActorInTx>>;

function offsetOf(text: string, quote: string): number {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`Seed quote not found verbatim in the report: "${quote.slice(0, 60)}…"`);
  return at;
}

/**
 * The report's source, contacts, three cases with their events, quotes and appeals, and its series,
 * written through the data layer as the system actor: the same validation, history rows and derived
 * dates and status as a person logging them. False when the report is already loaded.
 */
async function seedReport(tx: Tx, actor: SystemActor): Promise<boolean> {
  const { text, sha256 } = readReport();
  const reason = `Seeded from report: ${REPORT_SOURCE.outlet}, ${REPORT_SOURCE.publishedAt}, "${REPORT_SOURCE.title}" (sha256 ${sha256.slice(0, 12)}…)`;
  const { reliability, ...sourceFields } = REPORT_SOURCE;
  const sourceInput = captureSourceSchema.parse({ ...sourceFields, url: "", text });
  const source = await captureSourceInTx(tx, actor, { ...sourceInput, reliability }, reason);
  if (!source.created) return false;

  const contacts: Record<string, string> = {};
  for (const c of REPORT_CONTACTS) {
    const { key, quote, ...fields } = c;
    offsetOf(text, quote);
    const input = createContactSchema.parse({ ...fields, notes: `Named in the report: "${quote}"` });
    contacts[key] = (await createContactInTx(tx, actor, input, reason)).id;
  }

  const claim = sourceQuoter(tx, actor, { id: source.id, text }, reason);

  for (const c of REPORT_CASES) {
    const input = createCaseSchema.parse({
      title: c.title,
      summary: c.summary,
      sizeMin: c.size.min,
      sizeMax: c.size.max,
      sizeBest: c.size.best,
      sizeWording: c.size.wording,
      // Reported by a lawmaker and activists and carried by a national daily, but "allegedly": likely, not confirmed.
      verification: "LIKELY",
      priority: "URGENT",
      tags: ["korea-herald-2012", "family-in-south-korea"],
      // The report says only "in China": no province or city is recorded rather than a guessed one.
      country: "CN",
      visibility: "INTERNAL",
    });
    const created = await createCaseInTx(tx, actor, input, {
      year: 2012,
      code: c.code,
      reason,
      origin: "SOURCED",
      geoPrecision: "COUNTRY",
      visibility: "PUBLIC",
    });
    // The status follows from the events (the talks put the groups at risk of repatriation).
    for (const e of c.events) {
      const { quote, ...fields } = e;
      const eventInput = addEventSchema.parse({
        caseCode: c.code,
        ...fields,
        country: e.type === "APPEAL_MADE" ? "KR" : "CN",
      });
      const event = await createEventInTx(tx, actor, created.id, eventData(eventInput), reason);
      await claim(created.id, quote, { target: "EVENT", eventId: event.id });
    }
    await claim(created.id, Q.atLeast24, { target: "CASE" });
    await claim(created.id, c.size.quote, { target: "FIELD", field: "sizeMin", value: String(c.size.min) });
    await claim(created.id, c.size.quote, { target: "FIELD", field: "sizeMax", value: String(c.size.max) });
    await claim(created.id, c.size.quote, { target: "FIELD", field: "sizeBest", value: String(c.size.best) });
    await claim(created.id, Q.headline24, { target: "FIELD", field: "status", value: "AT_RISK_OF_REPATRIATION" });
    await claim(created.id, Q.handover, { target: "FIELD", field: "status", value: "AT_RISK_OF_REPATRIATION" });
    await claim(created.id, c.size.quote, { target: "FIELD", field: "country", value: "CN" });
    const appeal = createAdvocacySchema.parse({
      caseCode: c.code,
      contactId: contacts.nhrck,
      kind: "APPEAL",
      // Undated in the report: recorded as the report's date, the latest it can have been made.
      date: REPORT_SOURCE.publishedAt,
      askedFor:
        "Help to save them from repatriation (request made by ten of the 24 defectors through an activist group).",
      response: "NO_RESPONSE",
      status: "AWAITING_RESPONSE",
      notes: `According to the report: "${Q.tenAsked}" Which groups the ten belong to is not reported.`,
    });
    await createAdvocacyInTx(tx, actor, created.id, appeal, reason);
  }

  await createStatSeriesInTx(
    tx,
    actor,
    {
      key: ARRIVALS_SERIES.key,
      title: ARRIVALS_SERIES.title,
      unit: ARRIVALS_SERIES.unit,
      sourceId: source.id,
      quote: `${Q.arrivals2005to2009} … ${Q.arrivals2010} … ${Q.arrivals2011}`,
      points: ARRIVALS_SERIES.points.map((p) => (offsetOf(text, p.quote), { period: p.period, value: p.value })),
    },
    reason,
  );
  return true;
}

/**
 * The research vocabularies' terms (always: they are reference data, not demo data). Only codes not
 * yet present are added, so an admin's rename, merge or retirement is never undone by a later seed.
 */
async function seedVocabularies(tx: Tx, actor: SystemActor): Promise<number> {
  const have = new Set(
    (await tx.vocabularyTerm.findMany({ select: { vocabulary: true, code: true } })).map(
      (t) => `${t.vocabulary}/${t.code}`,
    ),
  );
  let added = 0;
  for (const [vocabulary, terms] of Object.entries(SEED_VOCABULARIES) as [Vocabulary, SeedTerms][])
    for (const term of terms) {
      if (have.has(`${vocabulary}/${term.code}`)) continue;
      await createTermInTx(tx, actor, addTermSchema.parse({ vocabulary, ...term }), "Seeded vocabulary term");
      added++;
    }
  return added;
}
type SeedTerms = (typeof SEED_VOCABULARIES)[Vocabulary];

/** Demo mode only: one account per role, and the synthetic cases and people, through the data layer too. */
async function seedDemo(
  tx: Tx,
  actor: SystemActor,
  keyring: Keyring,
): Promise<{ users: number; synthetic: number; people: number }> {
  let users = 0;
  let synthetic = 0;
  let people = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    if (await tx.user.findUnique({ where: { email: u.email }, select: { id: true } })) continue;
    await tx.user.create({ data: { ...u, passwordHash, isDemo: true } });
    users++;
  }
  const reason = "Synthetic demo record (not from any source)";
  for (const c of SYNTHETIC_CASES) {
    if (await tx.case.findUnique({ where: { code: c.code }, select: { id: true } })) continue;
    const { code, events, status, statusSetByHand, geoPrecision, visibility, ...fields } = c;
    const input = createCaseSchema.parse({ ...fields, visibility });
    const created = await createCaseInTx(tx, actor, input, {
      year: 2012,
      code,
      reason,
      origin: "SYNTHETIC",
      geoPrecision,
      ...(statusSetByHand ? { status, statusManual: true } : {}),
    });
    for (const e of events)
      await createEventInTx(tx, actor, created.id, eventData(addEventSchema.parse({ caseCode: code, ...e })), reason);
    synthetic++;
  }
  // Checked per person rather than with its case, so demo databases seeded before people existed get them too.
  for (const p of SYNTHETIC_PEOPLE) {
    const owner = await tx.case.findUnique({ where: { code: p.caseCode }, select: { id: true } });
    if (!owner || (await tx.person.findFirst({ where: { caseId: owner.id, alias: p.alias }, select: { id: true } })))
      continue;
    const { caseCode: _, ...person } = p;
    await createPersonInTx(tx, actor, owner.id, person, keyring, reason);
    people++;
  }
  return { users, synthetic, people };
}

/**
 * Seeds the database; `demo` adds the demo accounts and synthetic records, whose restricted fields
 * are encrypted with `keyring` (the one the app will run with). Safe to run repeatedly.
 */
export async function seedDatabase(db: Db, opts: { demo: boolean; keyring: Keyring }) {
  return db.$transaction(
    async (tx) => {
      const actor = await systemActorInTx(tx);
      const terms = await seedVocabularies(tx, actor);
      const report = await seedReport(tx, actor);
      const demo = opts.demo ? await seedDemo(tx, actor, opts.keyring) : { users: 0, synthetic: 0, people: 0 };
      return { report, terms, ...demo };
    },
    { timeout: 60_000 },
  );
}
