import { describe, expect, it } from "vitest";
import { apiLocale, apiMessage } from "@/lib/api/messages";
import { messageKey } from "@/lib/i18n/message-key";

const request = (headers: Record<string, string>) => new Request("http://localhost/api/v1/cases", { headers });

describe("API messages", () => {
  it("follow the language cookie, else Accept-Language by preference, else English", () => {
    expect(apiLocale(request({}))).toBe("en");
    expect(apiLocale(request({ "accept-language": "ko-KR,ko;q=0.9,en;q=0.8" }))).toBe("ko");
    expect(apiLocale(request({ "accept-language": "fr;q=1, en;q=0.5, ko;q=0.7" }))).toBe("ko");
    expect(apiLocale(request({ "accept-language": "ko;q=0, en" }))).toBe("en");
    expect(apiLocale(request({ "accept-language": "ko", cookie: "a=1; NEXT_LOCALE=en" }))).toBe("en");
  });

  it("translate error messages; the code stays the same for programs", () => {
    const key = messageKey("api.caseNotFound", { code: "CN-2012-0001" });
    expect(apiMessage(request({}))(key)).toBe("No case CN-2012-0001 that you may see.");
    expect(apiMessage(request({ "accept-language": "ko" }))(key)).toBe(
      "CN-2012-0001 사례가 없거나, 볼 수 있는 권한이 없습니다.",
    );
    expect(apiMessage(request({ "accept-language": "ko" }))("api.invalidToken")).toMatch(/^API 토큰이/);
  });

  it("give the export's provenance block in the caller's language", () => {
    const rows = messageKey("export.header.rows", { rows: 3, people: 24, best: 24 });
    expect(apiMessage(request({}))(rows)).toBe("Rows: 3 cases (groups); at least 24 people (best estimate 24)");
    expect(apiMessage(request({ "accept-language": "ko" }))(rows)).toBe("행: 사례(그룹) 3건, 최소 24명 (추정 24명)");
  });
});
