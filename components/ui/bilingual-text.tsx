import { useLocale, useTranslations } from "next-intl";
import { pickText, type Shown as ShownText } from "@/lib/i18n/text-lang";
import { koreanPlaceName } from "@/lib/geo/place-names";
import { formatPlace } from "@/lib/format/display";

/**
 * A record's text in the reader's language (docs/decisions/016): the reader's form when written, else
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
 * shown to a Korean reader with the gazetteer's Korean names and the country in Korean ("선양, 랴오닝성,
 * 중국") and the English beside. A place the gazetteer has no Korean name for is shown as filed, with
 * only its country in the reader's language.
 */
export function PlaceText({
  place,
  other = true,
}: {
  place: { country: string | null; cityArea?: string | null; province?: string | null };
  /** Show the other language's form beside it (the case page); a table row shows one. */
  other?: boolean;
}) {
  const locale = useLocale();
  const city = koreanPlaceName(place.cityArea);
  const province = koreanPlaceName(place.province);
  if (!city && !province) return <>{formatPlace(place, locale)}</>;
  const english = formatPlace(place, "en");
  const korean = formatPlace(
    { country: place.country, cityArea: city ?? place.cityArea, province: province ?? place.province },
    "ko",
  );
  const shown = pickText(english, "en", korean, locale);
  // A place with no Korean name is not "English only": it is the name, in the only form there is.
  return <Shown shown={{ ...shown, fallback: false }} other={other} otherClassName="ml-2 text-sm text-stone-700" />;
}
