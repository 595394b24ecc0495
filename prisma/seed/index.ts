/**
 * Loads the seed report (always, once) and, in demo mode only, the demo accounts and a few
 * clearly-labelled synthetic cases and people. Idempotent: running it again changes nothing.
 */
import type { Db } from "../../lib/db/create.ts";
import { encryptField, type Keyring } from "../../lib/crypto/encryption.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { ARRIVALS_SERIES, Q, REPORT_CASES, REPORT_CONTACTS, REPORT_SOURCE, readReport } from "./korea-herald-2012.ts";
import { DEMO_PASSWORD, DEMO_USERS, SYNTHETIC_CASES, SYNTHETIC_PEOPLE } from "./demo.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function offsetOf(text: string, quote: string): number {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`Seed quote not found verbatim in the report: "${quote.slice(0, 60)}…"`);
  return at;
}

async function seedReport(tx: Tx): Promise<boolean> {
  const { text, sha256 } = readReport();
  if (await tx.source.findFirst({ where: { sha256 }, select: { id: true } })) return false;
  const reason = `Seeded from report: ${REPORT_SOURCE.outlet}, ${REPORT_SOURCE.publishedAt}, "${REPORT_SOURCE.title}" (sha256 ${sha256.slice(0, 12)}…)`;

  const source = await tx.source.create({
    data: { ...REPORT_SOURCE, publishedAt: day(REPORT_SOURCE.publishedAt), text, sha256 },
  });
  await tx.recordChange.create({ data: { entity: "Source", entityId: source.id, action: "CREATE", reason } });

  const contacts: Record<string, string> = {};
  for (const c of REPORT_CONTACTS) {
    const { key, quote, ...data } = c;
    offsetOf(text, quote);
    const contact = await tx.contact.create({ data: { ...data, notes: `Named in the report: "${quote}"` } });
    contacts[key] = contact.id;
    await tx.recordChange.create({ data: { entity: "Contact", entityId: contact.id, action: "CREATE", reason } });
  }

  const claim = (caseId: string, quote: string, extra: { target: "CASE" | "EVENT" | "FIELD"; field?: string; value?: string; eventId?: string }) => ({
    sourceId: source.id,
    caseId,
    quote,
    quoteStart: offsetOf(text, quote),
    ...extra,
  });

  for (const c of REPORT_CASES) {
    const dates = c.events.flatMap((e) => [e.dateEarliest, e.dateLatest]).sort();
    const created = await tx.case.create({
      data: {
        code: c.code,
        title: c.title,
        summary: c.summary,
        sizeMin: c.size.min,
        sizeMax: c.size.max,
        sizeBest: c.size.best,
        sizeWording: c.size.wording,
        status: "AT_RISK_OF_REPATRIATION",
        // Reported by a lawmaker and activists and carried by a national daily, but "allegedly": likely, not confirmed.
        verification: "LIKELY",
        priority: "URGENT",
        tags: ["korea-herald-2012", "family-in-south-korea"],
        country: "CN",
        // The report says only "in China": no province or city is recorded rather than a guessed one.
        geoPrecision: "COUNTRY",
        firstEventEarliest: day(dates[0]),
        lastEventLatest: day(dates[dates.length - 1]),
        visibility: "PUBLIC",
        origin: "SOURCED",
      },
    });
    await tx.recordChange.create({ data: { entity: "Case", entityId: created.id, caseId: created.id, action: "CREATE", reason } });
    await tx.sourceClaim.createMany({
      data: [
        claim(created.id, Q.atLeast24, { target: "CASE" }),
        claim(created.id, c.size.quote, { target: "FIELD", field: "sizeMin", value: String(c.size.min) }),
        claim(created.id, c.size.quote, { target: "FIELD", field: "sizeMax", value: String(c.size.max) }),
        claim(created.id, c.size.quote, { target: "FIELD", field: "sizeBest", value: String(c.size.best) }),
        claim(created.id, Q.headline24, { target: "FIELD", field: "status", value: "AT_RISK_OF_REPATRIATION" }),
        claim(created.id, Q.handover, { target: "FIELD", field: "status", value: "AT_RISK_OF_REPATRIATION" }),
        claim(created.id, c.size.quote, { target: "FIELD", field: "country", value: "CN" }),
      ],
    });
    for (const e of c.events) {
      const event = await tx.caseEvent.create({
        data: {
          caseId: created.id,
          type: e.type,
          dateEarliest: day(e.dateEarliest),
          dateLatest: day(e.dateLatest),
          precision: e.precision,
          dateWording: e.dateWording,
          description: e.description,
          country: e.type === "APPEAL_MADE" ? "KR" : "CN",
          authority: e.authority ?? null,
        },
      });
      await tx.sourceClaim.create({ data: claim(created.id, e.quote, { target: "EVENT", eventId: event.id }) });
      await tx.recordChange.create({ data: { entity: "CaseEvent", entityId: event.id, caseId: created.id, action: "CREATE", reason } });
    }
    const action = await tx.advocacyAction.create({
      data: {
        caseId: created.id,
        contactId: contacts.nhrck,
        kind: "APPEAL",
        // Undated in the report: recorded as the report's date, the latest it can have been made.
        date: day(REPORT_SOURCE.publishedAt),
        askedFor: "Help to save them from repatriation (request made by ten of the 24 defectors through an activist group).",
        response: "NO_RESPONSE",
        status: "AWAITING_RESPONSE",
        notes: `According to the report: "${Q.tenAsked}" Which groups the ten belong to is not reported.`,
      },
    });
    await tx.recordChange.create({ data: { entity: "AdvocacyAction", entityId: action.id, caseId: created.id, action: "CREATE", reason } });
  }

  const series = await tx.statSeries.create({
    data: {
      key: ARRIVALS_SERIES.key,
      title: ARRIVALS_SERIES.title,
      unit: ARRIVALS_SERIES.unit,
      sourceId: source.id,
      quote: `${Q.arrivals2005to2009} … ${Q.arrivals2010} … ${Q.arrivals2011}`,
      points: { create: ARRIVALS_SERIES.points.map((p) => (offsetOf(text, p.quote), { period: p.period, value: p.value })) },
    },
  });
  await tx.recordChange.create({ data: { entity: "StatSeries", entityId: series.id, action: "CREATE", reason } });
  return true;
}

async function seedDemo(tx: Tx, keyring: Keyring): Promise<{ users: number; synthetic: number; people: number }> {
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
    const { events, ...data } = c;
    const created = await tx.case.create({ data: { ...data, origin: "SYNTHETIC", events: { create: events } } });
    await tx.recordChange.create({ data: { entity: "Case", entityId: created.id, caseId: created.id, action: "CREATE", reason } });
    synthetic++;
  }
  // Checked per person rather than with its case, so demo databases seeded before people existed get them too.
  for (const p of SYNTHETIC_PEOPLE) {
    const owner = await tx.case.findUnique({ where: { code: p.caseCode }, select: { id: true } });
    if (!owner || (await tx.person.findFirst({ where: { caseId: owner.id, alias: p.alias }, select: { id: true } }))) continue;
    const person = await tx.person.create({
      data: {
        caseId: owner.id,
        alias: p.alias,
        sex: p.sex,
        ageMin: p.ageMin,
        ageMax: p.ageMax,
        relation: p.relation,
        realNameEnc: encryptField(keyring, "Person.realNameEnc", p.restricted.realName),
        contactDetailsEnc: encryptField(keyring, "Person.contactDetailsEnc", p.restricted.contactDetails),
        exactAddressEnc: encryptField(keyring, "Person.exactAddressEnc", p.restricted.exactAddress),
      },
      select: { id: true },
    });
    // The history names the record only: restricted values never go into RecordChange.
    await tx.recordChange.create({ data: { entity: "Person", entityId: person.id, caseId: owner.id, action: "CREATE", reason } });
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
      const report = await seedReport(tx);
      const demo = opts.demo ? await seedDemo(tx, opts.keyring) : { users: 0, synthetic: 0, people: 0 };
      return { report, ...demo };
    },
    { timeout: 60_000 },
  );
}
