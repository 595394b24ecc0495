import { useLocale, useTranslations } from "next-intl";
import { pickText, type Shown as ShownText } from "@/lib/i18n/text-lang";
import { koreanPlaceName } from "@/lib/geo/place-names";

/**
 * A record's text in the reader's language (docs/decisions/014): the reader's form when written, else
 * the other marked "(English only)"/"(한국어만)", never blank; each with `lang` on its element so screen
 * readers and fonts treat it right. `other` shows the second form below it (a case's title and summary).
 */
export function BilingualText({
  text,
  lang,
  alt,
  other = false,
  otherClassName = "block text-sm font-normal text-stone-700",
}: {
  text: string;
  lang: string;
  alt: string | null | undefined;
  other?: boolean;
  otherClassName?: string;
}) {
  const locale = useLocale();
  return <Shown shown={pickText(text, lang, alt, locale)} other={other} otherClassName={otherClassName} />;
}

export function Shown({
  shown,
  other = false,
  otherClassName = "block text-sm font-normal text-stone-700",
}: {
  shown: ShownText;
  other?: boolean;
  otherClassName?: string;
}) {
  const t = useTranslations("records");
  return (
    <>
      <span lang={shown.lang}>{shown.text}</span>
      {shown.fallback && (
        <>
          {" "}
          <span className="text-xs font-normal text-stone-600" data-testid="only-in">
            {t(`onlyIn.${shown.lang}`)}
          </span>
        </>
      )}
      {other && shown.other && (
        <span lang={shown.other.lang} className={otherClassName} data-testid="other-language">
          {shown.other.text}
        </span>
      )}
    </>
  );
}

/**
 * A case's or event's place in the reader's language: filed in English ("Shenyang, Liaoning, China"),
 * shown to a Korean reader with the gazetteer's Korean names ("선양, 랴오닝성, China") and the English beside.
 */
export function PlaceText({
  place,
  english,
  other = true,
}: {
  /** Show the other language's form beside it (the case page); a table row shows one. */
  other?: boolean;
  place: { cityArea?: string | null; province?: string | null };
  /** The place as the page formats it in English (formatPlace). */
  english: string;
}) {
  const locale = useLocale();
  const city = koreanPlaceName(place.cityArea);
  const province = koreanPlaceName(place.province);
  let korean: string | null = null;
  if (city || province) {
    korean = english;
    if (place.cityArea && city) korean = korean.replace(place.cityArea, city);
    if (place.province && province) korean = korean.replace(place.province, province);
  }
  const shown = pickText(english, "en", korean, locale);
  // A place with no Korean name is not "English only": it is the name, in the only form there is.
  return <Shown shown={{ ...shown, fallback: false }} other={other} otherClassName="ml-2 text-sm text-stone-700" />;
}
