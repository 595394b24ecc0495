import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  COMPOSITION_GROUPS,
  partColumns,
  type CompositionGroup,
  type CompositionValues,
} from "@/lib/fields/case-composition";
import { selectOf } from "@/lib/fields/define";

/**
 * Which recorded individuals (Person rows) count towards each part of a group. Ages are ranges, so a
 * person counts only when the whole range says so (a woman aged "16–20" is not counted as a woman or a
 * child): the roll-up stays an at-least figure, like every other count. Pregnancy is not recorded on
 * a person, so pregnant women come from the case's own figures only.
 */
const PERSON_IN_GROUP: Record<CompositionGroup, Prisma.Sql> = {
  women: Prisma.sql`p."sex" = 'FEMALE' AND p."ageMin" >= 18`,
  men: Prisma.sql`p."sex" = 'MALE' AND p."ageMin" >= 18`,
  children: Prisma.sql`p."ageMax" < 18`,
  infants: Prisma.sql`p."ageMax" < 2`,
  elderly: Prisma.sql`p."ageMin" >= 60`,
  pregnant: Prisma.sql`false`,
};

const col = (g: CompositionGroup) => Prisma.raw(`c."${g}Min"`);
const personCol = (g: CompositionGroup) => Prisma.raw(`pc."${g}"`);

/** Per case, how many of its recorded individuals fall in each part: a subquery to LEFT JOIN as `pc`. */
const PERSON_COUNTS = Prisma.sql`(
  SELECT p."caseId", ${Prisma.join(
    COMPOSITION_GROUPS.map((g) => Prisma.sql`count(*) FILTER (WHERE ${PERSON_IN_GROUP[g]}) AS ${Prisma.raw(`"${g}"`)}`),
    ", ",
  )}
  FROM "Person" p WHERE p."deletedAt" IS NULL GROUP BY p."caseId")`;

/** The SQL condition "case c is known to include at least one of group g" (its own figure or a recorded person). */
export function includesGroupSql(g: CompositionGroup): Prisma.Sql {
  return Prisma.sql`(${col(g)} >= 1 OR EXISTS (SELECT 1 FROM "Person" p WHERE p."caseId" = c."id" AND p."deletedAt" IS NULL AND ${PERSON_IN_GROUP[g]}))`;
}

export type CompositionTotals = Record<CompositionGroup, { atLeast: number; groupsKnown: number }>;

/**
 * At-least counts of each part over the cases `where` selects (a WHERE on "Case" c, already limited to
 * what the reader may see): each case adds the larger of its own minimum and its recorded individuals
 * in that part, and a case adds nothing to a part its sources do not mention.
 */
export async function countComposition(where: Prisma.Sql): Promise<CompositionTotals> {
  const [row] = await db.$queryRaw<Record<string, bigint | null>[]>(Prisma.sql`
    SELECT ${Prisma.join(
      COMPOSITION_GROUPS.map(
        (g) => Prisma.sql`
        sum(GREATEST(COALESCE(${col(g)}, 0), COALESCE(${personCol(g)}, 0))) AS ${Prisma.raw(`"${g}_n"`)},
        count(*) FILTER (WHERE ${col(g)} IS NOT NULL OR ${personCol(g)} > 0) AS ${Prisma.raw(`"${g}_known"`)}`,
      ),
      ", ",
    )}
    FROM "Case" c LEFT JOIN ${PERSON_COUNTS} pc ON pc."caseId" = c."id"
    WHERE ${where}`);
  return Object.fromEntries(
    COMPOSITION_GROUPS.map((g) => [
      g,
      { atLeast: Number(row[`${g}_n`] ?? 0), groupsKnown: Number(row[`${g}_known`] ?? 0) },
    ]),
  ) as CompositionTotals;
}

export type CasePart = {
  group: CompositionGroup;
  min: number | null;
  best: number | null;
  max: number | null;
  wording: string | null;
  /** How many of the case's recorded individuals are in this part. */
  fromPeople: number;
};

/** The Prisma select of a case's composition columns. */
export const compositionSelect = selectOf(
  COMPOSITION_GROUPS.flatMap((g) => Object.values(partColumns(g))) as (keyof CompositionValues)[],
);

/**
 * One case's composition for its page (the caller has checked the reader may see the case): its own
 * figures beside the count of its recorded individuals in each part; parts nothing is known of are left out.
 */
export async function caseComposition(caseId: string, values: CompositionValues): Promise<CasePart[]> {
  const [people] = await db.$queryRaw<Record<string, bigint>[]>(
    Prisma.sql`SELECT * FROM ${PERSON_COUNTS} pc WHERE pc."caseId" = ${caseId}`,
  );
  return COMPOSITION_GROUPS.map((g) => ({
    group: g,
    min: values[`${g}Min`],
    best: values[`${g}Best`],
    max: values[`${g}Max`],
    wording: values[`${g}Wording`],
    fromPeople: Number(people?.[g] ?? 0),
  })).filter((p) => p.min !== null || p.best !== null || p.max !== null || p.wording !== null || p.fromPeople > 0);
}
