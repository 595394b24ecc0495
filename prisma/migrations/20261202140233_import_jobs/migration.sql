-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('READ', 'CHECKING', 'CHECKED', 'APPLYING', 'APPLIED', 'FAILED');

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" VARCHAR(255) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file" BYTEA,
    "status" "ImportJobStatus" NOT NULL,
    "preview" JSONB NOT NULL,
    "mapping" JSONB,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsChecked" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "dryRun" JSONB,
    "versions" JSONB,
    "result" JSONB,
    "error" VARCHAR(2000),
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_createdById_createdAt_idx" ON "ImportJob"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_status_heartbeatAt_idx" ON "ImportJob"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
