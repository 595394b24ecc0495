import { describe, expect, it } from "vitest";
import { knownProvinces, normalizePlaceName, placeCoordinates } from "@/lib/geo/places";

describe("placeCoordinates", () => {
  it("finds a country centroid when only the country is known", () => {
    expect(placeCoordinates({ country: "CN", province: null, cityArea: null })).toEqual({
      lat: 35.9,
      lon: 104.2,
      level: "country",
    });
    for (const code of ["CN", "KP", "KR", "RU", "MN", "LA", "VN", "TH", "KH", "MM", "JP"]) {
      expect(placeCoordinates({ country: code })?.level, code).toBe("country");
    }
  });

  it("finds a province", () => {
    expect(placeCoordinates({ country: "CN", province: "Liaoning" })).toEqual({
      lat: 41.3,
      lon: 122.6,
      level: "province",
    });
    expect(placeCoordinates({ country: "KP", province: "North Hamgyong" })?.level).toBe("province");
    expect(placeCoordinates({ country: "CN", province: "Inner Mongolia" })?.level).toBe("province");
  });

  it("knows all 34 provincial-level divisions of China", () => {
    expect(new Set(knownProvinces("CN")).size).toBe(34);
  });

  it("prefers the city, then the province, then the country", () => {
    expect(placeCoordinates({ country: "CN", province: "Jilin", cityArea: "Yanji" })).toEqual({
      lat: 42.9,
      lon: 129.5,
      level: "city",
    });
    // An unknown city falls back to its province, an unknown province to the country.
    expect(placeCoordinates({ country: "CN", province: "Jilin", cityArea: "Somewhere small" })).toEqual({
      lat: 43.6,
      lon: 126.2,
      level: "province",
    });
    expect(placeCoordinates({ country: "CN", province: "Atlantis", cityArea: "Nowhere" })?.level).toBe("country");
  });

  it("ignores case, accents, spacing and administrative suffixes", () => {
    expect(placeCoordinates({ country: "cn", province: "LIAONING" })?.level).toBe("province");
    expect(placeCoordinates({ country: "CN", province: "  jilin province " })).toMatchObject({
      lat: 43.6,
      level: "province",
    });
    expect(placeCoordinates({ country: "CN", cityArea: "dandong city" })).toMatchObject({ lat: 40.1, level: "city" });
    expect(placeCoordinates({ country: "KP", province: "Hamgyŏng-pukto" })).toEqual(
      placeCoordinates({ country: "KP", province: "north hamgyong" }),
    );
    expect(placeCoordinates({ country: "CN", province: "Xizang" })).toEqual(
      placeCoordinates({ country: "CN", province: "Tibet" }),
    );
    expect(normalizePlaceName("Ryanggang-do")).toBe(normalizePlaceName("ryanggang"));
  });

  it("reads the first part of a free-text city", () => {
    expect(placeCoordinates({ country: "CN", cityArea: "Yanji, Yanbian prefecture" })?.level).toBe("city");
  });

  it("looks names up within the recorded country only", () => {
    // Liaoning is a Chinese province: recorded under North Korea it falls back to North Korea.
    expect(placeCoordinates({ country: "KP", province: "Liaoning" })).toMatchObject({ level: "country", lat: 40.3 });
  });

  it("answers null for an unknown or missing country", () => {
    expect(placeCoordinates({ country: "ZZ", province: "Liaoning", cityArea: "Yanji" })).toBeNull();
    expect(placeCoordinates({ country: null })).toBeNull();
    expect(placeCoordinates({ country: "" })).toBeNull();
  });
});
