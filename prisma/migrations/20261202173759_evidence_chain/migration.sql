-- AlterTable
ALTER TABLE "RecordChange" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64);

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64);

-- CreateTable
CREATE TABLE "EvidenceAnchor" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "publicKey" VARCHAR(200) NOT NULL,
    "signature" VARCHAR(200) NOT NULL,
    "tsaUrl" VARCHAR(2000),
    "tsaToken" TEXT,

    CONSTRAINT "EvidenceAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceAnchor_day_key" ON "EvidenceAnchor"("day");

-- CreateIndex
CREATE UNIQUE INDEX "RecordChange_chainSeq_key" ON "RecordChange"("chainSeq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- ---------------------------------------------------------------------------------------------
-- Tamper-evident history (docs/decisions/014-tamper-evident-history.md).
--
-- RecordChange and AuditEvent rows form ONE hash chain: each row gets the next position
-- ("chainSeq", 1, 2, 3 … across both tables), the previous link's hash ("prevHash"; 64 zeros for
-- the first) and its own "hash" = SHA-256 of a canonical text of the row that includes both. A
-- trigger sets them in the inserting transaction (at its commit), whatever wrote the row (the app,
-- the seed, an import, psql). Writers take one transaction-scoped advisory lock before reading the
-- head, so links are handed out one transaction at a time, in commit order.
--
-- The canonical text (lib/evidence/chain.ts computes the same in TypeScript for `npm run verify`):
--   "rw-chain-v1" \n table \n seq \n prevHash \n field \n field …
-- each field as "<UTF-8 byte length>:<text>" or "~" when NULL; timestamps as
-- YYYY-MM-DDTHH:MM:SS.mmmZ (the columns hold UTC), JSON as PostgreSQL's jsonb text.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION rw_chain_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v END
$$;

CREATE FUNCTION rw_chain_time(v timestamp) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(v, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION rw_chain_text_record_change(r "RecordChange") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\n', 'rw-chain-v1', 'RecordChange', r."chainSeq"::text, r."prevHash",
    rw_chain_field(r."id"::text), rw_chain_field(rw_chain_time(r."at")), rw_chain_field(r."userId"),
    rw_chain_field(r."entity"), rw_chain_field(r."entityId"), rw_chain_field(r."caseId"),
    rw_chain_field(r."action"::text), rw_chain_field(r."field"), rw_chain_field(r."oldValue"),
    rw_chain_field(r."newValue"), rw_chain_field(r."reason"), rw_chain_field(r."txid"::text))
$$;

CREATE FUNCTION rw_chain_text_audit_event(r "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\n', 'rw-chain-v1', 'AuditEvent', r."chainSeq"::text, r."prevHash",
    rw_chain_field(r."id"::text), rw_chain_field(rw_chain_time(r."at")), rw_chain_field(r."actorId"),
    rw_chain_field(r."actorEmail"), rw_chain_field(r."kind"),
    rw_chain_field(CASE WHEN r."success" THEN 'true' ELSE 'false' END), rw_chain_field(r."ip"),
    rw_chain_field(r."detail"::text))
$$;

CREATE FUNCTION rw_chain_hash(t text) RETURNS char(64) LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex')
$$;

-- The last link of the chain: its position and hash (0 and 64 zeros while the chain is empty).
CREATE FUNCTION rw_chain_head(OUT seq bigint, OUT hash char(64)) LANGUAGE sql STABLE AS $$
  SELECT coalesce(max(h.seq), 0), coalesce((array_agg(h.hash ORDER BY h.seq DESC))[1], repeat('0', 64))
  FROM (
    (SELECT "chainSeq" AS seq, "hash" FROM "RecordChange" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1)
    UNION ALL
    (SELECT "chainSeq", "hash" FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1)
  ) h
$$;

-- Links are handed out at COMMIT, by a deferred constraint trigger, not when the row is inserted: the
-- lock that orders the chain is then taken after every other lock the transaction holds, and held
-- only while its rows are linked and it commits. Taken at insert time, it would be held through the
-- rest of the transaction: a long import would stall every sign-in (its audit row waits for the
-- lock), and a transaction holding it while waiting for a row another one locked before reaching
-- its own history would deadlock. The price: each row is written, then updated with its link.
-- Rows that arrive with their link set (a restore copying a backup's rows back) keep it; `npm run
-- verify` checks them like any other.
CREATE FUNCTION rw_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  IF NEW."chainSeq" IS NOT NULL THEN
    RETURN NULL;
  END IF;
  -- One transaction at a time from here until it ends (the lock is released at commit); the next
  -- one then reads the head this one committed.
  PERFORM pg_advisory_xact_lock(7209183391);
  SELECT * INTO head FROM rw_chain_head();
  NEW."chainSeq" := head.seq + 1;
  NEW."prevHash" := head.hash;
  IF TG_TABLE_NAME = 'RecordChange' THEN
    UPDATE "RecordChange" SET "chainSeq" = NEW."chainSeq", "prevHash" = NEW."prevHash",
      "hash" = rw_chain_hash(rw_chain_text_record_change(NEW)) WHERE "id" = NEW."id";
  ELSE
    UPDATE "AuditEvent" SET "chainSeq" = NEW."chainSeq", "prevHash" = NEW."prevHash",
      "hash" = rw_chain_hash(rw_chain_text_audit_event(NEW)) WHERE "id" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;

-- History and audit rows stay append-only, except that a row not yet linked may receive its link
-- (and nothing else): what rw_chain_link does at commit.
CREATE FUNCTION rw_chain_refuse_modification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."chainSeq" IS NULL AND NEW."chainSeq" IS NOT NULL
     AND NEW."prevHash" IS NOT NULL AND NEW."hash" IS NOT NULL
     AND (to_jsonb(NEW) - ARRAY['chainSeq', 'prevHash', 'hash']) = (to_jsonb(OLD) - ARRAY['chainSeq', 'prevHash', 'hash']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Existing rows join the chain in the order they were written: history first (by id), then the
-- audit log (by id). The append-only guards are replaced below; until then they are off (this
-- migration is one transaction).
ALTER TABLE "RecordChange" DISABLE TRIGGER "RecordChange_append_only";
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  -- Typed row variables: a generic "record" cannot be cast to the table's row type.
  rc "RecordChange";
  ae "AuditEvent";
  s bigint := 0;
  prev char(64) := repeat('0', 64);
  h char(64);
BEGIN
  FOR rc IN SELECT * FROM "RecordChange" ORDER BY "id" LOOP
    s := s + 1;
    rc."chainSeq" := s;
    rc."prevHash" := prev;
    h := rw_chain_hash(rw_chain_text_record_change(rc));
    UPDATE "RecordChange" SET "chainSeq" = s, "prevHash" = prev, "hash" = h WHERE "id" = rc."id";
    prev := h;
  END LOOP;
  FOR ae IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    s := s + 1;
    ae."chainSeq" := s;
    ae."prevHash" := prev;
    h := rw_chain_hash(rw_chain_text_audit_event(ae));
    UPDATE "AuditEvent" SET "chainSeq" = s, "prevHash" = prev, "hash" = h WHERE "id" = ae."id";
    prev := h;
  END LOOP;
END
$$;
DROP TRIGGER "RecordChange_append_only" ON "RecordChange";
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "RecordChange_append_only" BEFORE UPDATE OR DELETE ON "RecordChange"
  FOR EACH ROW EXECUTE FUNCTION rw_chain_refuse_modification();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION rw_chain_refuse_modification();

CREATE CONSTRAINT TRIGGER "RecordChange_chain" AFTER INSERT ON "RecordChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rw_chain_link();
CREATE CONSTRAINT TRIGGER "AuditEvent_chain" AFTER INSERT ON "AuditEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rw_chain_link();

-- Anchors are evidence too: never changed or removed.
CREATE TRIGGER "EvidenceAnchor_append_only" BEFORE UPDATE OR DELETE ON "EvidenceAnchor"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "EvidenceAnchor_no_truncate" BEFORE TRUNCATE ON "EvidenceAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION rw_refuse_modification();
