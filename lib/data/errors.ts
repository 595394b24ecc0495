/** The record does not exist or the actor may not see it; pages answer 404 either way. */
export class NotFoundError extends Error {
  constructor(what = "Record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Someone saved the record after the actor opened it (optimistic concurrency). */
export class ConflictError extends Error {
  constructor(public readonly changedBy: string | null, public readonly changedAt: Date | null) {
    super("Changed since you opened it");
    this.name = "ConflictError";
  }
}

/** A rule about the data (not the input's shape) refused the change; the message is for the user. */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleError";
  }
}
