import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { FILTER_PARAMS, MAX_PAGE_SIZE } from "@/lib/validations/case-filter";

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://example.org");
  const parameters = doc.paths["/cases"].get.parameters as { name: string; schema: { maximum?: number } }[];

  it("documents every filter the server reads, and nothing else", () => {
    expect(parameters.map((p) => p.name).sort()).toEqual([...FILTER_PARAMS, "sort", "page", "pageSize"].sort());
  });

  it("states the page-size limit the server enforces", () => {
    expect(parameters.find((p) => p.name === "pageSize")?.schema.maximum).toBe(MAX_PAGE_SIZE);
  });

  it("points at this server", () => {
    expect(doc.servers[0].url).toBe("https://example.org/api/v1");
  });
});
