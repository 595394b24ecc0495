-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('RESEARCHER', 'EDITOR', 'STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'INTERNAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REPORTED_DETAINED', 'AT_RISK_OF_REPATRIATION', 'REPATRIATED', 'RELEASED', 'REACHED_SAFETY', 'DIED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Verification" AS ENUM ('CONFIRMED', 'LIKELY', 'POSSIBLE', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('URGENT', 'HIGH', 'NORMAL', 'LOW');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('CROSSED_BORDER', 'ARRESTED', 'DETAINED', 'TRANSFERRED', 'REPATRIATION_TALKS', 'REPATRIATED', 'RELEASED', 'REACHED_SAFETY', 'APPEAL_MADE', 'OTHER');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "GeoPrecision" AS ENUM ('EXACT', 'CITY', 'PROVINCE', 'COUNTRY');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Reliability" AS ENUM ('HIGH', 'MEDIUM', 'LOW', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('LAWMAKER', 'GOVERNMENT_OFFICIAL', 'NGO', 'UN_BODY', 'EMBASSY', 'JOURNALIST', 'ACADEMIC', 'LAWYER', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionKind" AS ENUM ('APPEAL', 'PETITION', 'MEETING', 'LETTER', 'PRESS_STATEMENT', 'UN_COMMUNICATION', 'CONFIDENTIAL_CONTACT');

-- CreateEnum
CREATE TYPE "ActionResponse" AS ENUM ('NO_RESPONSE', 'DENIED', 'PLEDGED', 'ACTED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('PLANNED', 'SENT', 'AWAITING_RESPONSE', 'FOLLOW_UP_NEEDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ClaimTarget" AS ENUM ('CASE', 'EVENT', 'FIELD');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE');

-- CreateEnum
CREATE TYPE "DataOrigin" AS ENUM ('SOURCED', 'SYNTHETIC');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "summary" VARCHAR(10000) NOT NULL DEFAULT '',
    "sizeMin" INTEGER NOT NULL,
    "sizeMax" INTEGER,
    "sizeBest" INTEGER,
    "sizeWording" VARCHAR(300),
    "status" "CaseStatus" NOT NULL DEFAULT 'UNKNOWN',
    "statusManual" BOOLEAN NOT NULL DEFAULT false,
    "verification" "Verification" NOT NULL DEFAULT 'UNVERIFIED',
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "country" VARCHAR(2) NOT NULL,
    "province" VARCHAR(120),
    "cityArea" VARCHAR(200),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "geoPrecision" "GeoPrecision",
    "familyInSouthMin" INTEGER,
    "familyInSouthMax" INTEGER,
    "askedForHelpMin" INTEGER,
    "askedForHelpMax" INTEGER,
    "firstEventEarliest" DATE,
    "lastEventLatest" DATE,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "origin" "DataOrigin" NOT NULL DEFAULT 'SOURCED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "alias" VARCHAR(120) NOT NULL,
    "sex" "Sex" NOT NULL DEFAULT 'UNKNOWN',
    "ageMin" INTEGER,
    "ageMax" INTEGER,
    "relation" VARCHAR(300),
    "realNameEnc" TEXT,
    "contactDetailsEnc" TEXT,
    "exactAddressEnc" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "type" "EventType" NOT NULL,
    "dateEarliest" DATE NOT NULL,
    "dateLatest" DATE NOT NULL,
    "precision" "DatePrecision" NOT NULL,
    "dateWording" VARCHAR(300),
    "description" VARCHAR(5000) NOT NULL DEFAULT '',
    "country" VARCHAR(2),
    "province" VARCHAR(120),
    "cityArea" VARCHAR(200),
    "authority" VARCHAR(300),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "url" VARCHAR(2000),
    "outlet" VARCHAR(300) NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "author" VARCHAR(300),
    "language" VARCHAR(16) NOT NULL DEFAULT 'en',
    "publishedAt" DATE,
    "retrievedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "text" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "reliability" "Reliability" NOT NULL DEFAULT 'UNKNOWN',
    "capturedById" TEXT,
    "supersedesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceClaim" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "target" "ClaimTarget" NOT NULL,
    "eventId" TEXT,
    "field" VARCHAR(64),
    "value" VARCHAR(300),
    "quote" VARCHAR(5000) NOT NULL,
    "quoteStart" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "SourceClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "organisation" VARCHAR(300),
    "role" VARCHAR(300),
    "country" VARCHAR(2),
    "contactDetailsEnc" TEXT,
    "notes" VARCHAR(5000) NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvocacyAction" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" "ActionKind" NOT NULL,
    "date" DATE NOT NULL,
    "askedFor" VARCHAR(2000) NOT NULL,
    "response" "ActionResponse" NOT NULL DEFAULT 'NO_RESPONSE',
    "status" "ActionStatus" NOT NULL DEFAULT 'SENT',
    "followUpDue" DATE,
    "notes" VARCHAR(5000) NOT NULL DEFAULT '',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "AdvocacyAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "eventId" TEXT,
    "field" VARCHAR(64),
    "parentId" TEXT,
    "body" VARCHAR(5000) NOT NULL,
    "authorId" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordChange" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "entity" VARCHAR(64) NOT NULL,
    "entityId" VARCHAR(64) NOT NULL,
    "caseId" VARCHAR(64),
    "action" "ChangeAction" NOT NULL,
    "field" VARCHAR(64),
    "oldValue" TEXT,
    "newValue" TEXT,
    "reason" VARCHAR(2000),

    CONSTRAINT "RecordChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatSeries" (
    "id" TEXT NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "unit" VARCHAR(100) NOT NULL,
    "sourceId" TEXT,
    "quote" VARCHAR(5000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatPoint" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "period" VARCHAR(32) NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "StatPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" VARCHAR(64),
    "actorEmail" VARCHAR(320),
    "kind" VARCHAR(64) NOT NULL,
    "success" BOOLEAN NOT NULL DEFAULT true,
    "ip" VARCHAR(64),
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_EventPeople" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EventPeople_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Case_code_key" ON "Case"("code");

-- CreateIndex
CREATE INDEX "Case_visibility_deletedAt_idx" ON "Case"("visibility", "deletedAt");

-- CreateIndex
CREATE INDEX "Case_status_idx" ON "Case"("status");

-- CreateIndex
CREATE INDEX "Case_country_province_cityArea_idx" ON "Case"("country", "province", "cityArea");

-- CreateIndex
CREATE INDEX "Case_sizeMin_idx" ON "Case"("sizeMin");

-- CreateIndex
CREATE INDEX "Case_firstEventEarliest_lastEventLatest_idx" ON "Case"("firstEventEarliest", "lastEventLatest");

-- CreateIndex
CREATE INDEX "Case_verification_idx" ON "Case"("verification");

-- CreateIndex
CREATE INDEX "Case_tags_idx" ON "Case" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Person_caseId_idx" ON "Person"("caseId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_dateEarliest_idx" ON "CaseEvent"("caseId", "dateEarliest");

-- CreateIndex
CREATE INDEX "CaseEvent_dateEarliest_dateLatest_idx" ON "CaseEvent"("dateEarliest", "dateLatest");

-- CreateIndex
CREATE INDEX "CaseEvent_type_idx" ON "CaseEvent"("type");

-- CreateIndex
CREATE INDEX "Source_outlet_idx" ON "Source"("outlet");

-- CreateIndex
CREATE INDEX "Source_publishedAt_idx" ON "Source"("publishedAt");

-- CreateIndex
CREATE INDEX "Source_sha256_idx" ON "Source"("sha256");

-- CreateIndex
CREATE INDEX "SourceClaim_caseId_field_idx" ON "SourceClaim"("caseId", "field");

-- CreateIndex
CREATE INDEX "SourceClaim_sourceId_idx" ON "SourceClaim"("sourceId");

-- CreateIndex
CREATE INDEX "SourceClaim_eventId_idx" ON "SourceClaim"("eventId");

-- CreateIndex
CREATE INDEX "Contact_kind_idx" ON "Contact"("kind");

-- CreateIndex
CREATE INDEX "Contact_name_idx" ON "Contact"("name");

-- CreateIndex
CREATE INDEX "AdvocacyAction_caseId_idx" ON "AdvocacyAction"("caseId");

-- CreateIndex
CREATE INDEX "AdvocacyAction_contactId_idx" ON "AdvocacyAction"("contactId");

-- CreateIndex
CREATE INDEX "AdvocacyAction_followUpDue_status_idx" ON "AdvocacyAction"("followUpDue", "status");

-- CreateIndex
CREATE INDEX "Annotation_caseId_resolved_idx" ON "Annotation"("caseId", "resolved");

-- CreateIndex
CREATE INDEX "RecordChange_entity_entityId_idx" ON "RecordChange"("entity", "entityId");

-- CreateIndex
CREATE INDEX "RecordChange_caseId_at_idx" ON "RecordChange"("caseId", "at");

-- CreateIndex
CREATE INDEX "RecordChange_at_idx" ON "RecordChange"("at");

-- CreateIndex
CREATE UNIQUE INDEX "StatSeries_key_key" ON "StatSeries"("key");

-- CreateIndex
CREATE UNIQUE INDEX "StatPoint_seriesId_period_key" ON "StatPoint"("seriesId", "period");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_kind_at_idx" ON "AuditEvent"("kind", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "_EventPeople_B_index" ON "_EventPeople"("B");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_capturedById_fkey" FOREIGN KEY ("capturedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceClaim" ADD CONSTRAINT "SourceClaim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceClaim" ADD CONSTRAINT "SourceClaim_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceClaim" ADD CONSTRAINT "SourceClaim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CaseEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvocacyAction" ADD CONSTRAINT "AdvocacyAction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvocacyAction" ADD CONSTRAINT "AdvocacyAction_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvocacyAction" ADD CONSTRAINT "AdvocacyAction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CaseEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordChange" ADD CONSTRAINT "RecordChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatSeries" ADD CONSTRAINT "StatSeries_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatPoint" ADD CONSTRAINT "StatPoint_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "StatSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventPeople" ADD CONSTRAINT "_EventPeople_A_fkey" FOREIGN KEY ("A") REFERENCES "CaseEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EventPeople" ADD CONSTRAINT "_EventPeople_B_fkey" FOREIGN KEY ("B") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written rules the Prisma schema cannot express. The drift test (lib/schema-drift) compares
-- tables, columns, indexes, foreign keys and enums only, so these do not count as drift.
-- ---------------------------------------------------------------------------------------------

-- History and the audit log are append-only: the database itself refuses to change or remove rows,
-- whatever the application does.
CREATE FUNCTION rw_refuse_modification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "RecordChange_append_only" BEFORE UPDATE OR DELETE ON "RecordChange"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "RecordChange_no_truncate" BEFORE TRUNCATE ON "RecordChange"
  FOR EACH STATEMENT EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION rw_refuse_modification();

-- A captured source says exactly what was read: its text and hash never change, and the hash must
-- be the SHA-256 of the text. A corrected copy is a new Source row.
CREATE FUNCTION rw_source_capture_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" OR NEW."sha256" IS DISTINCT FROM OLD."sha256" THEN
    RAISE EXCEPTION 'Source % is a capture: its text and sha256 never change (capture a new copy instead)', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Source_capture_immutable" BEFORE UPDATE ON "Source"
  FOR EACH ROW EXECUTE FUNCTION rw_source_capture_is_immutable();
CREATE TRIGGER "Source_no_delete" BEFORE DELETE OR UPDATE OF "id" ON "Source"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
ALTER TABLE "Source" ADD CONSTRAINT "Source_sha256_matches_text"
  CHECK ("sha256" = encode(sha256(convert_to("text", 'UTF8')), 'hex'));

-- Ranges are well-formed.
ALTER TABLE "Case" ADD CONSTRAINT "Case_size_range"
  CHECK ("sizeMin" >= 0 AND ("sizeMax" IS NULL OR "sizeMax" >= "sizeMin")
    AND ("sizeBest" IS NULL OR ("sizeBest" >= "sizeMin" AND ("sizeMax" IS NULL OR "sizeBest" <= "sizeMax"))));
ALTER TABLE "Case" ADD CONSTRAINT "Case_family_range"
  CHECK ("familyInSouthMax" IS NULL OR "familyInSouthMin" IS NULL OR "familyInSouthMax" >= "familyInSouthMin");
ALTER TABLE "Case" ADD CONSTRAINT "Case_asked_range"
  CHECK ("askedForHelpMax" IS NULL OR "askedForHelpMin" IS NULL OR "askedForHelpMax" >= "askedForHelpMin");
ALTER TABLE "Case" ADD CONSTRAINT "Case_version_positive" CHECK ("version" >= 1);
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_date_range"
  CHECK ("dateEarliest" <= "dateLatest" AND ("precision" <> 'DAY' OR "dateEarliest" = "dateLatest"));
ALTER TABLE "Person" ADD CONSTRAINT "Person_age_range"
  CHECK ("ageMin" IS NULL OR "ageMax" IS NULL OR "ageMax" >= "ageMin");
