/**
 * Report-like texts for the extractor's tests, written for them (not real reports: names of people
 * other than public figures are invented). Each exercises one or more rules; the expected
 * proposals are asserted in extract.reports.test.ts.
 */

export type TestReport = { name: string; publishedAt?: string; url?: string; outlet?: string; text: string };

export const REPORTS = {
  /** Two places in one report; a noun left out ("and about a dozen in Yanji"); "some 30"; a Korean name quoted. */
  twoCities: {
    name: "two groups in Shenyang and Yanji",
    publishedAt: "2013-08-06",
    text: `Back To Top

North Koreans held in two Chinese cities

By Lee Ji-won

Some 30 North Koreans were detained in Shenyang, Liaoning, and about a dozen in Yanji, Jilin, on August 2, activists said on Monday. The two groups had been hiding in safe houses run by a church network.

Relatives in Seoul said they feared the defectors face forced repatriation.

“China must not send them back,” said Kim Hee-tae, director of the North Korean Human Rights Campaign.`,
  },

  /** A release, with the earlier detention "in early May" (MONTH) and the release on a bare weekday. */
  release: {
    name: "seven women released",
    publishedAt: "2013-08-06",
    text: `Chinese authorities have released a group of seven North Korean women who were detained in Dandong, Liaoning, in early May, a Seoul-based aid group said.

The women were freed on Friday, according to the group. They are now in a safe house.`,
  },

  /** No number anywhere: one group of unknown size, and a warning. "earlier this month" is a MONTH range. */
  noSize: {
    name: "no group size",
    publishedAt: "2014-03-20",
    text: `Chinese police have arrested North Korean defectors in a raid on a safe house in Tumen, Jilin, activists said.

The arrests took place earlier this month, according to a missionary who had sheltered them. Human rights groups urged Beijing to release them.`,
  },

  /** A stated total that the groups do not add up to (20 stated, 8 + 6 described). */
  inconsistentTotal: {
    name: "total does not add up",
    publishedAt: "2015-06-10",
    text: `A total of 20 North Koreans were caught by Chinese border guards near Hunchun in late May, according to a report by Daily NK.

A group of eight was seized on a train, and another group of six was arrested at a bus terminal. Both groups are being held in a detention centre.`,
  },

  /** Page furniture around the text, and an event dated after publication (to be flagged). */
  clutterAndFuture: {
    name: "clutter and a date after publication",
    publishedAt: "2016-04-12",
    text: `Share this article
Advertisement
Back To Top

Five North Korean restaurant workers detained in Shenyang

By Jane Doe

Five North Korean workers were detained by Chinese police in Shenyang on April 20, 2016, a rights group said. The workers had left their restaurant a day earlier.

Advertisement

Share this article`,
  },

  /** "Two weeks ago" (WEEK range) and a chain from it ("Three days later"); the outlet from "told Radio Free Asia". */
  weeksAgoChain: {
    name: "two weeks ago, then three days later",
    publishedAt: "2017-11-15",
    text: `Two weeks ago, Chinese police arrested 10 North Korean defectors in the border city of Dandong. Three days later, they were transferred to a detention centre in Shenyang, a relative told Radio Free Asia.`,
  },

  /** "More than 20" and "at least 15" in two sentences and two places; "last week" and a bare weekday. */
  moreThanAtLeast: {
    name: "more than 20 and at least 15",
    publishedAt: "2018-05-09",
    text: `More than 20 North Koreans were arrested in Kunming, Yunnan, last week while trying to reach Laos, activists said. Separately, at least 15 defectors were caught near Tumen, Jilin, on Sunday.`,
  },

  /** "about a dozen" in a group phrase, a full date with its year, a risk sentence and an appeal. */
  aboutADozen: {
    name: "about a dozen, on 3 March 2013",
    publishedAt: "2013-03-12",
    text: `A group of about a dozen North Korean refugees, including children, was arrested in Yanji on 3 March 2013, according to a Seoul-based rights group.

The refugees face forced repatriation unless Beijing relents, the group said. South Korean lawmakers urged the Foreign Ministry to raise the case with China.`,
  },

  /** "nearly 10", "earlier this month", an undated release after it; the outlet from "told Daily NK". */
  nearlyTen: {
    name: "nearly 10, later released",
    publishedAt: "2019-07-25",
    text: `Chinese police detained nearly 10 North Korean women in Changbai earlier this month, a source in the region told Daily NK. The women were later released, the source said.`,
  },

  /** A date without a year that would fall after publication: the year before is taken. */
  yearless: {
    name: "Dec. 28 in a January report",
    publishedAt: "2012-01-10",
    text: `Three North Korean defectors were arrested in Dandong on Dec. 28, a South Korean official said. Their families in Seoul have asked the government to help.`,
  },

  /** One person ("A North Korean woman"). */
  onePerson: {
    name: "one woman",
    publishedAt: "2020-09-02",
    text: `A North Korean woman was caught by police in Qingdao, Shandong, on Aug. 30, her brother told The Korea Times. She had lived in China for ten years.`,
  },

  /** A repatriation, with a range of sizes ("Between 10 and 12"). */
  repatriated: {
    name: "repatriated, between 10 and 12",
    publishedAt: "2014-10-01",
    text: `Between 10 and 12 North Korean defectors were repatriated by China on Sept. 25, a rights group said, citing sources in Hyesan.`,
  },

  /** No publication date given: the dateline is used. */
  dateline: {
    name: "publication date from the dateline",
    text: `Six caught in Yanji
Published : Feb 14, 2012 - 18:22

Six North Korean defectors were caught in Yanji last Wednesday, a pastor who helps refugees said.`,
  },

  /** A web address names the outlet; an organisation and role before a name. */
  urlAndRolePrefix: {
    name: "outlet from the URL",
    publishedAt: "2019-03-01",
    url: "https://www.nknews.org/2019/03/some-article/",
    text: `Chinese authorities detained 4 North Korean defectors in Shanghai on Feb. 25, Human Rights Watch researcher Phil Robertson said. “They must not be sent back,” he added.`,
  },

  /** A Korean-language text: nothing English to read, and a warning. */
  korean: {
    name: "Korean text",
    publishedAt: "2012-02-14",
    text: `탈북자 10명이 중국 선양에서 체포됐다. 이들은 강제 북송될 위기에 처해 있다고 인권단체가 밝혔다.`,
  },
} satisfies Record<string, TestReport>;
