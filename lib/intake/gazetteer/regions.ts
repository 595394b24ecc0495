/**
 * Countries and first-level divisions (provinces) for the intake gazetteer: GeoNames has them in
 * separate tables (admin1CodesASCII, countryInfo) that no npm package ships offline, so the few dozen
 * rows are kept here by hand, keyed by the GeoNames admin1 codes the city table uses. English names as
 * reports write them, then Korean (South Korean transcription and Sino-Korean reading) and Chinese.
 * Centroids are approximate (as in lib/geo/places.ts): good for a map circle, never a recorded location.
 */
export type Region = { name: string; aliases: string[]; at: [number, number] };

export const CN_ADMIN1: Record<string, Region> = {
  "01": { name: "Anhui", aliases: ["안후이성", "안휘성", "安徽"], at: [31.8, 117.2] },
  "02": { name: "Zhejiang", aliases: ["저장성", "절강성", "浙江"], at: [29.2, 120.1] },
  "03": { name: "Jiangxi", aliases: ["장시성", "강서성", "江西"], at: [27.6, 115.7] },
  "04": { name: "Jiangsu", aliases: ["장쑤성", "강소성", "江苏"], at: [33.0, 119.5] },
  "05": { name: "Jilin", aliases: ["지린성", "길림성", "지린", "길림", "吉林"], at: [43.6, 126.2] },
  "06": { name: "Qinghai", aliases: ["칭하이성", "청해성", "青海"], at: [35.7, 96.0] },
  "07": { name: "Fujian", aliases: ["푸젠성", "복건성", "福建"], at: [26.1, 118.0] },
  "08": {
    name: "Heilongjiang",
    aliases: ["헤이룽장성", "흑룡강성", "헤이룽장", "흑룡강", "黑龙江"],
    at: [47.9, 127.8],
  },
  "09": { name: "Henan", aliases: ["허난성", "하남성", "河南"], at: [33.9, 113.5] },
  "10": { name: "Hebei", aliases: ["허베이성", "하북성", "河北"], at: [39.0, 115.8] },
  "11": { name: "Hunan", aliases: ["후난성", "호남성", "湖南"], at: [27.6, 111.7] },
  "12": { name: "Hubei", aliases: ["후베이성", "호북성", "湖北"], at: [30.9, 112.3] },
  "13": { name: "Xinjiang", aliases: ["Xinjiang Uyghur", "신장", "新疆"], at: [41.1, 85.2] },
  "14": { name: "Tibet", aliases: ["Xizang", "티베트", "시짱", "西藏"], at: [31.7, 88.1] },
  "15": { name: "Gansu", aliases: ["간쑤성", "감숙성", "甘肃"], at: [37.8, 101.0] },
  "16": { name: "Guangxi", aliases: ["Guangxi Zhuang", "광시", "광서", "广西"], at: [23.8, 108.8] },
  "18": { name: "Guizhou", aliases: ["구이저우성", "귀주성", "贵州"], at: [26.8, 106.8] },
  "19": { name: "Liaoning", aliases: ["랴오닝성", "요녕성", "랴오닝", "요녕", "辽宁"], at: [41.3, 122.6] },
  "20": {
    name: "Inner Mongolia",
    aliases: ["Nei Mongol", "내몽골", "내몽고", "네이멍구", "内蒙古"],
    at: [44.1, 113.9],
  },
  "21": { name: "Ningxia", aliases: ["닝샤", "宁夏"], at: [37.3, 106.2] },
  "22": { name: "Beijing", aliases: [], at: [40.2, 116.4] },
  "23": { name: "Shanghai", aliases: [], at: [31.2, 121.5] },
  "24": { name: "Shanxi", aliases: ["산시성", "山西"], at: [37.6, 112.3] },
  "25": { name: "Shandong", aliases: ["산둥성", "산동성", "山东"], at: [36.4, 118.2] },
  "26": { name: "Shaanxi", aliases: ["섬서성", "陕西"], at: [35.2, 108.9] },
  "28": { name: "Tianjin", aliases: [], at: [39.3, 117.3] },
  "29": { name: "Yunnan", aliases: ["윈난성", "운남성", "윈난", "云南"], at: [24.9, 101.5] },
  "30": { name: "Guangdong", aliases: ["광둥성", "광동성", "广东"], at: [23.4, 113.4] },
  "31": { name: "Hainan", aliases: ["하이난성", "해남성", "海南"], at: [19.2, 109.7] },
  "32": { name: "Sichuan", aliases: ["쓰촨성", "사천성", "四川"], at: [30.6, 102.7] },
  "33": { name: "Chongqing", aliases: [], at: [30.0, 107.9] },
};

export const KP_ADMIN1: Record<string, Region> = {
  "01": { name: "Chagang", aliases: ["Jagang", "자강도"], at: [40.7, 126.4] },
  "03": { name: "South Hamgyong", aliases: ["Hamgyong-namdo", "함경남도"], at: [40.3, 127.8] },
  "06": { name: "South Hwanghae", aliases: ["Hwanghae-namdo", "황해남도"], at: [38.2, 125.5] },
  "07": { name: "North Hwanghae", aliases: ["Hwanghae-bukto", "황해북도"], at: [38.6, 126.4] },
  "09": { name: "Kangwon", aliases: ["Kangwon-do", "강원도"], at: [38.8, 127.5] },
  "11": { name: "North Pyongan", aliases: ["Pyonganbuk-do", "평안북도", "평북"], at: [40.0, 125.0] },
  "12": { name: "Pyongyang", aliases: [], at: [39.0, 125.8] },
  "13": { name: "Ryanggang", aliases: ["Yanggang", "양강도"], at: [41.2, 128.2] },
  "15": { name: "South Pyongan", aliases: ["Pyongannam-do", "평안남도", "평남"], at: [39.4, 125.9] },
  "17": { name: "North Hamgyong", aliases: ["Hamgyong-bukto", "함경북도", "함북"], at: [41.8, 129.4] },
  "18": { name: "Rason", aliases: ["Rajin-Sonbong", "라선"], at: [42.3, 130.4] },
};

/** Countries on the escape routes, by ISO 3166-1 alpha-2 code. */
export const COUNTRIES: Record<string, Region> = {
  CN: { name: "China", aliases: ["mainland China", "PRC", "중국", "中国"], at: [35.9, 104.2] },
  KP: { name: "North Korea", aliases: ["DPRK", "북한", "朝鲜"], at: [40.3, 127.5] },
  KR: { name: "South Korea", aliases: ["Republic of Korea", "한국", "남한", "대한민국", "韩国"], at: [35.9, 127.8] },
  RU: { name: "Russia", aliases: ["러시아"], at: [61.5, 105.3] },
  MN: { name: "Mongolia", aliases: ["몽골"], at: [46.9, 103.8] },
  LA: { name: "Laos", aliases: ["라오스"], at: [19.9, 102.5] },
  VN: { name: "Vietnam", aliases: ["Viet Nam", "베트남"], at: [14.1, 108.3] },
  TH: { name: "Thailand", aliases: ["태국"], at: [15.9, 101.0] },
  KH: { name: "Cambodia", aliases: ["캄보디아"], at: [12.6, 105.0] },
  MM: { name: "Myanmar", aliases: ["Burma", "미얀마"], at: [21.9, 96.0] },
  PH: { name: "Philippines", aliases: ["필리핀"], at: [12.9, 121.8] },
  JP: { name: "Japan", aliases: ["일본"], at: [36.2, 138.3] },
};

/** Areas that are not GeoNames cities but come up in reports: an autonomous prefecture, a region. */
export const EXTRA_PLACES: Array<{
  name: string;
  country: string;
  province: string;
  aliases: string[];
  at: [number, number];
}> = [
  { name: "Yanbian", country: "CN", province: "Jilin", aliases: ["연변", "옌볜", "延边"], at: [42.9, 129.5] },
  { name: "Xishuangbanna", country: "CN", province: "Yunnan", aliases: ["시솽반나", "西双版纳"], at: [22.0, 100.8] },
  { name: "Mengla", country: "CN", province: "Yunnan", aliases: ["멍라", "勐腊"], at: [21.5, 101.6] },
];
