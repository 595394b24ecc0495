-- CreateTable
CREATE TABLE "SavedImportMapping" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "columns" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedImportMapping_name_key" ON "SavedImportMapping"("name");

-- AddForeignKey
ALTER TABLE "SavedImportMapping" ADD CONSTRAINT "SavedImportMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
