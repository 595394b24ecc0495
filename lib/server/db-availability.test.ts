import { describe, expect, it } from "vitest";
import { connectionFailureReason, dbAvailability, noteDbError, noteDbOk } from "./db-availability";

const refused = Object.assign(
  new AggregateError([Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })], ""),
  { code: "ECONNREFUSED" },
);

describe("connectionFailureReason", () => {
  it("names connection failures without addresses or credentials", () => {
    expect(connectionFailureReason(refused)).toBe(
      "connection refused: the database server is not running or not listening",
    );
    expect(connectionFailureReason(new Error("Connection terminated unexpectedly"))).toBe(
      "Connection terminated unexpectedly",
    );
    expect(
      connectionFailureReason(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toMatch(/terminating connection/);
    expect(
      connectionFailureReason({
        cause: { message: "could not connect to postgresql://u:secret@db:5432/x: the database system is starting up" },
      }),
    ).toBe("could not connect to [database] the database system is starting up");
  });

  it("reads Prisma's wrapped driver errors", () => {
    expect(connectionFailureReason({ code: "P1001", message: "Invalid `db.user.findFirst()` invocation …" })).toBe(
      "the database server cannot be reached",
    );
    expect(
      connectionFailureReason({
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } },
      }),
    ).toBe("the database server closed the connection");
    expect(
      connectionFailureReason({
        code: "P2002",
        meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } },
      }),
    ).toBeNull();
  });

  it("is null for errors about the query, not the connection", () => {
    expect(
      connectionFailureReason(
        Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }),
      ),
    ).toBeNull();
    expect(connectionFailureReason(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBeNull();
    expect(connectionFailureReason(null)).toBeNull();
  });
});

describe("the shared availability state", () => {
  it("goes down on a connection failure, stays up on other errors, and comes back on success", () => {
    noteDbOk();
    noteDbError(new Error("syntax error at or near"));
    expect(dbAvailability().available).toBe(true);
    noteDbError(refused);
    expect(dbAvailability()).toMatchObject({ available: false, reason: expect.stringContaining("refused") });
    noteDbOk();
    expect(dbAvailability().available).toBe(true);
  });
});
