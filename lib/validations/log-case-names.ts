/** The one-pass case log's form names of the passages, and of the picked source and contact. */
export const LOG_CASE_NAMES = {
  sizeQuote: "sizeQuote",
  eventQuote: "event.quote",
  sourceId: "source.id",
  addAction: "action.add",
  contactId: "action.contactId",
} as const;
