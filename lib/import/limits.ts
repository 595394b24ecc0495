/**
 * Limits of a spreadsheet import, in a module of their own so the browser can check them before
 * uploading without bundling the parsers (exceljs alone is about 1 MB of client JavaScript).
 */

/** The largest file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
