-- CreateEnum
CREATE TYPE "Vocabulary" AS ENUM ('ARREST_SETTING', 'ARRESTING_BODY', 'DETENTION_FACILITY', 'HANDOVER_CROSSING', 'RECEIVING_AGENCY', 'RETURN_OUTCOME');

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'OUTCOME_REPORTED' BEFORE 'OTHER';

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "arrestSettingId" TEXT,
ADD COLUMN     "arrestingBodyId" TEXT,
ADD COLUMN     "crossingId" TEXT,
ADD COLUMN     "facilityId" TEXT,
ADD COLUMN     "outcomeId" TEXT,
ADD COLUMN     "receivingAgencyId" TEXT;

-- CreateTable
CREATE TABLE "VocabularyTerm" (
    "id" TEXT NOT NULL,
    "vocabulary" "Vocabulary" NOT NULL,
    "code" VARCHAR(80) NOT NULL,
    "labelEn" VARCHAR(200) NOT NULL,
    "labelKo" VARCHAR(200),
    "definition" VARCHAR(4000) NOT NULL DEFAULT '',
    "sourceCitation" VARCHAR(1000),
    "sourceUrl" VARCHAR(2000),
    "placeName" VARCHAR(200),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "mergedIntoId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VocabularyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VocabularyTerm_vocabulary_retired_idx" ON "VocabularyTerm"("vocabulary", "retired");

-- CreateIndex
CREATE UNIQUE INDEX "VocabularyTerm_vocabulary_code_key" ON "VocabularyTerm"("vocabulary", "code");

-- CreateIndex
CREATE INDEX "CaseEvent_arrestSettingId_idx" ON "CaseEvent"("arrestSettingId");

-- CreateIndex
CREATE INDEX "CaseEvent_arrestingBodyId_idx" ON "CaseEvent"("arrestingBodyId");

-- CreateIndex
CREATE INDEX "CaseEvent_facilityId_idx" ON "CaseEvent"("facilityId");

-- CreateIndex
CREATE INDEX "CaseEvent_crossingId_idx" ON "CaseEvent"("crossingId");

-- CreateIndex
CREATE INDEX "CaseEvent_receivingAgencyId_idx" ON "CaseEvent"("receivingAgencyId");

-- CreateIndex
CREATE INDEX "CaseEvent_outcomeId_idx" ON "CaseEvent"("outcomeId");

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_arrestSettingId_fkey" FOREIGN KEY ("arrestSettingId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_arrestingBodyId_fkey" FOREIGN KEY ("arrestingBodyId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_crossingId_fkey" FOREIGN KEY ("crossingId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_receivingAgencyId_fkey" FOREIGN KEY ("receivingAgencyId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VocabularyTerm" ADD CONSTRAINT "VocabularyTerm_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "VocabularyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
