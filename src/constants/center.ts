import { ltr, type Lang } from '../i18n';

/**
 * DEMO DATA — not confirmed by 和硕县政务服务中心. Replace with the center's published
 * hours, hotline and address before release. Kept in this one file so nobody has to hunt for it.
 * The hours follow the booking timetable's defaults (core/settings.ts DEFAULT_SERVICE_WINDOWS).
 */
export const CENTER_NAME = '和硕县政务服务中心';
export const CENTER_HOTLINE = '0996-5012345';
export const CENTER_ADDRESS = '和硕县特吾里克镇（政务服务中心大楼一楼帮办代办服务岗）';

/** What the applicant pages show of the center, in each language the center publishes. */
export const CENTER_TEXT: Record<
  Lang,
  { name: string; address: string; hours: OpeningPeriod[]; extraServiceNote: string }
> = {
  zh: {
    name: CENTER_NAME,
    address: CENTER_ADDRESS,
    hours: [],
    extraServiceNote: '',
  },
  ug: {
    name: 'خوشۇت ناھىيەلىك ھۆكۈمەت ئىشلىرى مۇلازىمەت مەركىزى',
    address: 'خوشۇت ناھىيەسى تېۋىلىك بازىرى (ھۆكۈمەت ئىشلىرى مۇلازىمەت مەركىزى بىناسىنىڭ 1-قەۋىتى، ياردەم كۆزنىكى)',
    hours: [],
    extraServiceNote: 'ئىشتىن كېيىنكى، چۈشلۈك ۋە ئۆيگە بېرىپ مۇلازىمەت قىلىش ئۈچۈن ئالدىن ۋاقىت بەلگىلەڭ.',
  },
};

export interface OpeningPeriod {
  /** 常规 / 延时 / 错时 / 上门 */
  kind: string;
  /** Which days the periods apply to, in words a citizen reads. */
  days: string;
  /** Beijing time, "HH:mm–HH:mm". */
  periods: string[];
}

export const CENTER_HOURS_ARE_DEMO = true;

export const CENTER_HOURS: OpeningPeriod[] = [
  {
    kind: '常规',
    days: '工作日',
    periods: ['10:00–14:00', '下午 16:00–20:00（5月至9月）', '下午 15:30–19:30（10月至次年4月）'],
  },
  { kind: '错时', days: '工作日午间', periods: ['14:00–16:00（夏季）', '14:00–15:30（冬季）'] },
  { kind: '错时', days: '周六（休息日）', periods: ['11:00–14:00'] },
  { kind: '延时', days: '工作日下班后', periods: ['20:00–21:00（夏季）', '19:30–20:30（冬季），需预约'] },
  { kind: '上门', days: '工作日', periods: ['16:30–18:30，限行动不便等特殊群众'] },
];

/** Appointment, after-hours and off-peak service exist (rulebook §二); say how to ask for them. */
export const CENTER_EXTRA_SERVICE_NOTE = '延时、错时和上门服务请先预约。';

// times stay left to right inside Uyghur lines ("16:00–20:00", not "20:00–16:00")
const at = (range: string) => ltr(range);
CENTER_TEXT.zh.hours = CENTER_HOURS;
CENTER_TEXT.zh.extraServiceNote = CENTER_EXTRA_SERVICE_NOTE;
CENTER_TEXT.ug.hours = [
  {
    kind: 'ئادەتتىكى',
    days: 'خىزمەت كۈنلىرى',
    periods: [
      at('10:00–14:00'),
      `چۈشتىن كېيىن ${at('16:00–20:00')} (5-ئايدىن 9-ئايغىچە)`,
      `چۈشتىن كېيىن ${at('15:30–19:30')} (10-ئايدىن كېلەر يىلى 4-ئايغىچە)`,
    ],
  },
  {
    kind: 'چۈشلۈك',
    days: 'خىزمەت كۈنلىرى چۈشتە',
    periods: [`${at('14:00–16:00')} (ياز پەسلى)`, `${at('14:00–15:30')} (قىش پەسلى)`],
  },
  { kind: 'دەم ئېلىش كۈنى', days: 'شەنبە', periods: [at('11:00–14:00')] },
  {
    kind: 'ئىشتىن كېيىن',
    days: 'خىزمەت كۈنلىرى ئىشتىن چۈشكەندىن كېيىن',
    periods: [`${at('20:00–21:00')} (ياز پەسلى)`, `${at('19:30–20:30')} (قىش پەسلى)، ئالدىن ۋاقىت بەلگىلەش كېرەك`],
  },
  {
    kind: 'ئۆيگە بېرىپ',
    days: 'خىزمەت كۈنلىرى',
    periods: [`${at('16:30–18:30')}، ھەرىكەت قىلىشى قولايسىز قاتارلىق ئالاھىدە ئاممە ئۈچۈنلا`],
  },
];
