-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" VARCHAR(16);
