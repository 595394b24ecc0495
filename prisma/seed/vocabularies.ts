/**
 * The research vocabularies as first seeded (docs/decisions/017): each term with its Korean label and a
 * definition that says where it comes from. Citations name public reports; nothing is fetched. Admins
 * change the terms in the app afterwards (/admin/vocabularies); the seed adds only terms whose code is
 * not there yet, so it never undoes an admin's rename, merge or retirement.
 *
 * Coordinates of facilities and crossings are those of the town or bridge, to about 1 km: the reports
 * name the facilities by town and do not publish their exact sites.
 */
import type { Vocabulary } from "../../lib/generated/prisma/enums.ts";

export type SeedTerm = {
  code: string;
  labelEn: string;
  labelKo: string;
  definition: string;
  sourceCitation: string;
  sourceUrl?: string;
  placeName?: string;
  latitude?: number;
  longitude?: number;
};

const COI =
  "UN Human Rights Council, Report of the detailed findings of the commission of inquiry on human rights in the Democratic People's Republic of Korea, A/HRC/25/CRP.1 (7 February 2014)";
const COI_URL = "https://undocs.org/A/HRC/25/CRP.1";
const HRW_2018 =
  "Human Rights Watch, “You Cry at Night but Don't Know Why”: Sexual Violence against Women in North Korea (November 2018)";
const HRW_2018_URL =
  "https://www.hrw.org/report/2018/11/01/you-cry-night-dont-know-why/sexual-violence-against-women-north-korea";
const HIDDEN_GULAG =
  "David Hawk, The Hidden Gulag (Second Edition): The Lives and Voices of “Those Who Are Sent to the Mountains”, Committee for Human Rights in North Korea (2012)";
const KINU =
  "Korea Institute for National Unification (KINU), White Paper on Human Rights in North Korea (annual editions)";

export const SEED_VOCABULARIES: Record<Vocabulary, SeedTerm[]> = {
  ARREST_SETTING: [
    {
      code: "station",
      labelEn: "Railway or bus station",
      labelKo: "기차역·버스터미널",
      definition:
        "Caught at a railway or long-distance bus station, often at an identity check on boarding or arrival; a setting the commission of inquiry reports among the places where Chinese police stop North Koreans travelling inland.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "checkpoint",
      labelEn: "Checkpoint",
      labelKo: "검문소",
      definition:
        "Caught at a road checkpoint where identity papers are checked, including the checkpoints on the roads out of the border prefectures.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "safe-house-raid",
      labelEn: "Safe house or flat raid",
      labelKo: "은신처·주택 단속",
      definition:
        "Caught when police raided the house, flat or shelter where they were hiding, often after an informant's tip or the arrest of a broker.",
      sourceCitation: HRW_2018,
      sourceUrl: HRW_2018_URL,
    },
    {
      code: "workplace",
      labelEn: "Workplace",
      labelKo: "직장",
      definition:
        "Caught at the place where they worked without papers (a farm, a restaurant, a factory), typically in an inspection or after being reported.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "border-crossing",
      labelEn: "Border crossing",
      labelKo: "국경 월경 중",
      definition: "Caught while crossing the Tumen or Yalu river into China, or just after, in the border area.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "in-transit-third-country",
      labelEn: "In transit to a third country",
      labelKo: "제3국행 이동 중",
      definition:
        "Caught on the way out of China towards a third country (commonly through south-western China towards Laos, Vietnam or Myanmar, or towards Mongolia), usually with a broker.",
      sourceCitation: HRW_2018,
      sourceUrl: HRW_2018_URL,
    },
  ],
  ARRESTING_BODY: [
    {
      code: "public-security",
      labelEn: "Public security (police)",
      labelKo: "공안",
      definition:
        "China's Ministry of Public Security and its local public security bureaus (公安), the ordinary police, who make most arrests away from the border.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "border-defence",
      labelEn: "Border defence",
      labelKo: "변방대",
      definition:
        "China's border defence forces (边防), who patrol the border with North Korea, run the border detention centres and hand returnees over at the crossings.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "state-security",
      labelEn: "State security",
      labelKo: "국가안전부",
      definition:
        "China's Ministry of State Security (国家安全部), reported to be involved where people are suspected of contact with South Koreans, missionaries or journalists.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
  ],
  DETENTION_FACILITY: [
    {
      code: "tumen-border-detention",
      labelEn: "Tumen border detention centre",
      labelKo: "투먼 변방 수용소",
      definition:
        "The border defence detention centre in Tumen, Jilin, where North Koreans caught in Yanbian are held before being handed over at Tumen–Namyang; the facility most often named in returnees' accounts.",
      sourceCitation: HIDDEN_GULAG,
      placeName: "Tumen, Jilin, China",
      latitude: 42.9667,
      longitude: 129.8424,
    },
    {
      code: "dandong-border-detention",
      labelEn: "Dandong border detention centre",
      labelKo: "단둥 변방 수용소",
      definition:
        "The border defence detention centre in Dandong, Liaoning, from which people are returned across the Yalu to Sinuiju.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
      placeName: "Dandong, Liaoning, China",
      latitude: 40.1242,
      longitude: 124.3943,
    },
    {
      code: "longjing-border-detention",
      labelEn: "Longjing border detention centre",
      labelKo: "룽징(용정) 변방 수용소",
      definition: "The border defence detention centre in Longjing, Yanbian, Jilin, named in returnees' accounts.",
      sourceCitation: HIDDEN_GULAG,
      placeName: "Longjing, Jilin, China",
      latitude: 42.7714,
      longitude: 129.4233,
    },
    {
      code: "hunchun-border-detention",
      labelEn: "Hunchun border detention centre",
      labelKo: "훈춘 변방 수용소",
      definition:
        "The border defence detention centre in Hunchun, Jilin, near the borders with North Korea and Russia; returns go by Hunchun (Quanhe)–Wonjong.",
      sourceCitation: HIDDEN_GULAG,
      placeName: "Hunchun, Jilin, China",
      latitude: 42.8624,
      longitude: 130.366,
    },
    {
      code: "changbai-border-detention",
      labelEn: "Changbai border detention centre",
      labelKo: "창바이(장백) 변방 수용소",
      definition:
        "The border defence detention centre in Changbai Korean Autonomous County, Jilin, across the Yalu from Hyesan.",
      sourceCitation: HIDDEN_GULAG,
      placeName: "Changbai, Jilin, China",
      latitude: 41.4203,
      longitude: 128.2,
    },
  ],
  HANDOVER_CROSSING: [
    {
      code: "tumen-namyang",
      labelEn: "Tumen–Namyang",
      labelKo: "투먼–남양",
      definition:
        "The road and railway bridges over the Tumen river between Tumen (Jilin) and Namyang (North Hamgyong); the usual handover point for people held at Tumen.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
      placeName: "Tumen, Jilin, China / Namyang, North Hamgyong",
      latitude: 42.9598,
      longitude: 129.8446,
    },
    {
      code: "dandong-sinuiju",
      labelEn: "Dandong–Sinuiju",
      labelKo: "단둥–신의주",
      definition:
        "The Sino-Korean Friendship Bridge over the Yalu between Dandong (Liaoning) and Sinuiju (North Pyongan).",
      sourceCitation: COI,
      sourceUrl: COI_URL,
      placeName: "Dandong, Liaoning, China / Sinuiju, North Pyongan",
      latitude: 40.1128,
      longitude: 124.3925,
    },
    {
      code: "changbai-hyesan",
      labelEn: "Changbai–Hyesan",
      labelKo: "창바이–혜산",
      definition: "The crossing over the upper Yalu between Changbai (Jilin) and Hyesan (Ryanggang).",
      sourceCitation: KINU,
      placeName: "Changbai, Jilin, China / Hyesan, Ryanggang",
      latitude: 41.4106,
      longitude: 128.1794,
    },
    {
      code: "jian-manpo",
      labelEn: "Ji'an–Manpo",
      labelKo: "지안–만포",
      definition: "The bridge over the Yalu between Ji'an (Jilin) and Manpo (Chagang).",
      sourceCitation: KINU,
      placeName: "Ji'an, Jilin, China / Manpo, Chagang",
      latitude: 41.1517,
      longitude: 126.2339,
    },
    {
      code: "hunchun-wonjong",
      labelEn: "Hunchun–Wonjong",
      labelKo: "훈춘–원정",
      definition:
        "The bridge over the Tumen between Quanhe, Hunchun (Jilin) and Wonjong, Rason; the crossing for people held at Hunchun.",
      sourceCitation: KINU,
      placeName: "Quanhe, Hunchun, Jilin, China / Wonjong, Rason",
      latitude: 42.5517,
      longitude: 130.5986,
    },
  ],
  RECEIVING_AGENCY: [
    {
      code: "state-security-bowibu",
      labelEn: "Ministry of State Security (Bowibu)",
      labelKo: "국가보위성(보위부)",
      definition:
        "North Korea's political police (bowibu), which receives returnees at the border, interrogates them about contact with South Koreans and religion, and runs the political prison camps.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "social-security-anjeon",
      labelEn: "Ministry of Social Security (Anjeon)",
      labelKo: "사회안전성(안전부)",
      definition:
        "North Korea's ordinary police (anjeon; the Ministry of People's Security until 2020), which holds returnees the state security service passes on as ordinary border-crossers and runs holding centres and labour-training camps.",
      sourceCitation: HRW_2018,
      sourceUrl: HRW_2018_URL,
    },
    {
      code: "military-security",
      labelEn: "Military Security Command",
      labelKo: "보위사령부(군 보위국)",
      definition:
        "The Korean People's Army's security command (bowisaryeongbu, later the Military Security Bureau), which handles returnees with a military background or connection.",
      sourceCitation: KINU,
    },
  ],
  RETURN_OUTCOME: [
    {
      code: "jipkyulso",
      labelEn: "Short-term holding centre (jipkyulso)",
      labelKo: "집결소",
      definition:
        "A provincial holding centre (jipkyulso) where returnees are held, often doing forced labour, until they are sent on to their home area or to a labour-training camp.",
      sourceCitation: HIDDEN_GULAG,
    },
    {
      code: "rodong-danryeondae",
      labelEn: "Labour-training camp (rodong danryeondae)",
      labelKo: "노동단련대",
      definition:
        "A short-term forced-labour detention facility (rodong danryeondae) run by the police, imposed without trial for months.",
      sourceCitation: HRW_2018,
      sourceUrl: HRW_2018_URL,
    },
    {
      code: "kyohwaso",
      labelEn: "Ordinary prison (kyohwaso)",
      labelKo: "교화소",
      definition: 'A long-term prison-labour facility (kyohwaso, "reform through labour") after a criminal sentence.',
      sourceCitation: HIDDEN_GULAG,
    },
    {
      code: "kwanliso",
      labelEn: "Political prison camp (kwanliso)",
      labelKo: "관리소(정치범수용소)",
      definition:
        "A political prison camp (kwanliso) run by the state security service, for those accused of political offences such as contact with South Koreans or Christians; often without trial or end date.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "released",
      labelEn: "Release",
      labelKo: "석방",
      definition: "Released after interrogation or detention, to their home area or elsewhere.",
      sourceCitation: KINU,
    },
    {
      code: "execution",
      labelEn: "Execution",
      labelKo: "처형",
      definition: "Reported executed after return.",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "death-in-custody",
      labelEn: "Death in custody",
      labelKo: "구금 중 사망",
      definition: "Reported to have died while held after return (from abuse, illness or starvation).",
      sourceCitation: COI,
      sourceUrl: COI_URL,
    },
    {
      code: "unknown",
      labelEn: "Unknown",
      labelKo: "알 수 없음",
      definition: "A source reports on what became of them but cannot say what it was.",
      sourceCitation: "Refoulement Watch (recording convention)",
    },
  ],
};
