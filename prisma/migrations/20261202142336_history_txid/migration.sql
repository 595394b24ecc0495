-- AlterTable
-- Two steps, not ADD COLUMN ... DEFAULT txid_current(): a volatile default would be evaluated once for
-- every existing row, giving all past history one transaction id (one "save"). Past rows stay NULL.
ALTER TABLE "RecordChange" ADD COLUMN     "txid" BIGINT;
ALTER TABLE "RecordChange" ALTER COLUMN "txid" SET DEFAULT txid_current();
