-- CreateTable
CREATE TABLE "SourceFile" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "mediaType" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage" VARCHAR(16) NOT NULL DEFAULT 'database',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedById" TEXT,

    CONSTRAINT "SourceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceFileContent" (
    "fileId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "SourceFileContent_pkey" PRIMARY KEY ("fileId")
);

-- CreateIndex
CREATE INDEX "SourceFile_sourceId_createdAt_idx" ON "SourceFile"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "SourceFile_sha256_idx" ON "SourceFile"("sha256");

-- AddForeignKey
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceFileContent" ADD CONSTRAINT "SourceFileContent_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "SourceFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence files are never replaced or removed (a new capture is a new file): the database refuses
-- to change or delete them, whatever the application does.
CREATE TRIGGER "SourceFile_append_only" BEFORE UPDATE OR DELETE ON "SourceFile"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "SourceFile_no_truncate" BEFORE TRUNCATE ON "SourceFile"
  FOR EACH STATEMENT EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "SourceFileContent_append_only" BEFORE UPDATE OR DELETE ON "SourceFileContent"
  FOR EACH ROW EXECUTE FUNCTION rw_refuse_modification();
CREATE TRIGGER "SourceFileContent_no_truncate" BEFORE TRUNCATE ON "SourceFileContent"
  FOR EACH STATEMENT EXECUTE FUNCTION rw_refuse_modification();

ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_size_nonnegative" CHECK ("size" >= 0);
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "SourceFile" ADD CONSTRAINT "SourceFile_storage_known" CHECK ("storage" IN ('database'));

-- The stored bytes must be the ones the file row describes: the same SHA-256 and size.
CREATE FUNCTION rw_source_file_content_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "SourceFile" f
    WHERE f."id" = NEW."fileId"
      AND f."sha256" = encode(sha256(NEW."bytes"), 'hex')
      AND f."size" = octet_length(NEW."bytes")
  ) THEN
    RAISE EXCEPTION 'SourceFileContent %: the bytes do not match the file''s SHA-256 and size', NEW."fileId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "SourceFileContent_matches_file" BEFORE INSERT ON "SourceFileContent"
  FOR EACH ROW EXECUTE FUNCTION rw_source_file_content_matches();
