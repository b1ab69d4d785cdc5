import { z } from 'zod';
import { CIVIL_DATE_PATTERN, CLOCK_TIME_PATTERN, MONTH_DAY_PATTERN } from './beijing-time';
import { allow, refuse, type Decision } from './result';
import { CATEGORIES } from './scope';

/**
 * Every number the center may want to change, with the default and where it comes from. The center
 * stores its choices as a partial object; `resolveSettings` fills the rest and checks the values, so
 * a typo in the console is refused with a Chinese message instead of breaking a deadline.
 */

const hhmm = z.string().regex(CLOCK_TIME_PATTERN, '时刻应为 HH:mm（北京时间）');
const mmdd = z.string().regex(MONTH_DAY_PATTERN, '日期应为 MM-DD');
const civilDate = z.string().regex(CIVIL_DATE_PATTERN, '日期应为 YYYY-MM-DD');
const days = (max: number) => z.number().int('应为整数').min(0, '不能为负数').max(max, `不超过${max}`);

export const SERVICE_WINDOW_KINDS = ['regular', 'after_hours', 'off_peak', 'home_visit'] as const;
export type ServiceWindowKind = (typeof SERVICE_WINDOW_KINDS)[number];

export const SERVICE_WINDOW_KIND_LABELS: Record<ServiceWindowKind, string> = {
  regular: '正常办公时间',
  after_hours: '延时服务',
  off_peak: '错时服务',
  home_visit: '上门服务',
};

/** Which days a window opens: every working day, chosen rest days (e.g. Saturdays), or listed dates. */
const daySelector = z.discriminatedUnion('type', [
  z.object({ type: z.literal('working_days') }),
  // weekend days that are ordinary rest days: never a statutory holiday, never a 调休 working day
  z.object({ type: z.literal('rest_days'), weekdays: z.array(z.number().int().min(0).max(6)).min(1, '至少选择一天') }),
  z.object({ type: z.literal('dates'), dates: z.array(civilDate).min(1, '至少选择一天') }),
]);

export const serviceWindowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, '窗口编号只能包含小写字母、数字和连字符'),
    kind: z.enum(SERVICE_WINDOW_KINDS),
    label: z.string().min(1),
    days: daySelector,
    /** inclusive MM-DD range; a range that wraps the new year (10-01 → 04-30) is the winter timetable */
    season: z.object({ from: mmdd, to: mmdd }).optional(),
    start: hhmm,
    end: hhmm,
    slotMinutes: z.number().int().min(5).max(480),
    capacity: z.number().int().min(1).max(200),
  })
  // zero-padded HH:mm strings sort like times; no parsing here, so a malformed time only gets its own message
  .refine((w) => String(w.start) < String(w.end), { message: '结束时刻应晚于开始时刻', path: ['end'] });
export type ServiceWindow = z.infer<typeof serviceWindowSchema>;

const SUMMER = { from: '05-01', to: '09-30' };
const WINTER = { from: '10-01', to: '04-30' };
const WORKING_DAYS = { type: 'working_days' as const };

/**
 * Default timetable, Beijing time. Xinjiang's offices keep the autonomous region's 冬夏季作息时间:
 * 10:00–14:00 all year, afternoons 16:00–20:00 in summer (5/1–9/30) and 15:30–19:30 in winter. The
 * lunchtime gap is the 错时 desk, the hour after closing is 延时, Saturdays that are rest days get a
 * morning 错时 session, and home visits (上门, §三(一) only) go out in the afternoon. The center
 * should confirm these against its posted hours.
 */
export const DEFAULT_SERVICE_WINDOWS: ServiceWindow[] = [
  {
    id: 'am',
    kind: 'regular',
    label: '上午',
    days: WORKING_DAYS,
    start: '10:00',
    end: '14:00',
    slotMinutes: 30,
    capacity: 4,
  },
  {
    id: 'pm-summer',
    kind: 'regular',
    label: '下午',
    days: WORKING_DAYS,
    season: SUMMER,
    start: '16:00',
    end: '20:00',
    slotMinutes: 30,
    capacity: 4,
  },
  {
    id: 'pm-winter',
    kind: 'regular',
    label: '下午',
    days: WORKING_DAYS,
    season: WINTER,
    start: '15:30',
    end: '19:30',
    slotMinutes: 30,
    capacity: 4,
  },
  {
    id: 'noon-summer',
    kind: 'off_peak',
    label: '午间错时',
    days: WORKING_DAYS,
    season: SUMMER,
    start: '14:00',
    end: '16:00',
    slotMinutes: 30,
    capacity: 2,
  },
  {
    id: 'noon-winter',
    kind: 'off_peak',
    label: '午间错时',
    days: WORKING_DAYS,
    season: WINTER,
    start: '14:00',
    end: '15:30',
    slotMinutes: 30,
    capacity: 2,
  },
  {
    id: 'eve-summer',
    kind: 'after_hours',
    label: '延时服务',
    days: WORKING_DAYS,
    season: SUMMER,
    start: '20:00',
    end: '21:00',
    slotMinutes: 30,
    capacity: 2,
  },
  {
    id: 'eve-winter',
    kind: 'after_hours',
    label: '延时服务',
    days: WORKING_DAYS,
    season: WINTER,
    start: '19:30',
    end: '20:30',
    slotMinutes: 30,
    capacity: 2,
  },
  {
    id: 'sat',
    kind: 'off_peak',
    label: '周六错时',
    days: { type: 'rest_days', weekdays: [6] },
    start: '11:00',
    end: '14:00',
    slotMinutes: 30,
    capacity: 2,
  },
  {
    id: 'home',
    kind: 'home_visit',
    label: '上门服务',
    days: WORKING_DAYS,
    start: '16:30',
    end: '18:30',
    slotMinutes: 120,
    capacity: 1,
  },
];

export const RATING_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const settingsSchema = z.object({
  calendar: z
    .object({
      /** a clock is 'due soon' when this many working days or fewer remain (0 = only on the due day) */
      dueSoonWithinWorkingDays: days(30).default(2),
      /** warn this many natural days ahead when next year's holiday calendar is missing */
      warnMissingYearWithinDays: days(366).default(60),
      /** an online application made on a rest day counts as received on the next working day */
      nonWorkingDayReceipt: z.enum(['next_working_day', 'as_is']).default('next_working_day'),
      /** warn when a year has no Xinjiang regional holidays (肉孜节, 古尔邦节) entered by the center */
      requireRegionalHolidays: z.boolean().default(true),
    })
    .prefault({}),
  lifecycle: z
    .object({
      /** upper bound of a window's committed time limit (承诺时限), a typo guard */
      maxCommittedWorkingDays: days(365).default(120),
      /** all extensions (延长服务时限) of one case together */
      maxExtensionWorkingDays: days(365).default(30),
      /** §五(二) 定期反馈: the agent reports progress at least this often */
      progressReportEveryWorkingDays: days(60).default(5),
    })
    .prefault({}),
  applications: z
    .object({
      /** open (not yet ended) applications one WeChat user may have at once */
      maxOpenPerApplicant: z.number().int().min(1).max(100).default(5),
      /** submissions one WeChat user may make per Beijing day (withdrawn ones count) */
      maxSubmissionsPerDay: z.number().int().min(1).max(100).default(5),
      /**
       * the center's promise to answer a new application (take it up, accept or refuse) within this
       * many working days after the day it arrived; an applicant who withdrew after that may still rate
       */
      answerWithinWorkingDays: days(30).default(1),
    })
    .prefault({}),
  booking: z
    .object({
      /** a slot can be booked until this many minutes before it starts */
      bookingCutoffMinutes: days(24 * 60).default(30),
      /** an applicant can cancel or move a booking until this many minutes before it starts */
      cancelCutoffMinutes: days(24 * 60).default(30),
      /** how far ahead slots open, in natural days */
      maxAdvanceDays: days(90).default(14),
      maxActiveBookingsPerApplicant: z.number().int().min(1).max(20).default(3),
      maxReschedulesPerBooking: days(10).default(2),
      /** 预约提醒: the applicant is reminded this many minutes before the slot (a day, then an hour) */
      remindDayBeforeMinutes: days(7 * 24 * 60).default(24 * 60),
      remindHourBeforeMinutes: days(24 * 60).default(60),
      /**
       * a booking nobody checked in is marked 未到场 this many minutes after its slot ended: the desk
       * records arrivals after serving them, and a queue may run past the slot's end
       */
      noShowGraceMinutes: days(24 * 60).default(30),
      windows: z.array(serviceWindowSchema).default(DEFAULT_SERVICE_WINDOWS),
    })
    .prefault({}),
  rating: z
    .object({
      /** Guangdong practice: an unrated service gets a default rating after N natural days; null = off */
      defaultRatingAfterDays: days(90).nullable().default(null),
      /** never a 差评: a rating nobody gave cannot be complained about */
      defaultRatingLevel: z.enum(['very_satisfied', 'satisfied', 'basically_satisfied']).default('basically_satisfied'),
      /** 追评 is accepted within this many natural days of the first rating; null = no limit */
      followUpWithinDays: days(3650).nullable().default(90),
      /** a 差评 must carry a reason tag or a comment, so it can be called back and rectified */
      badRatingRequiresReason: z.boolean().default(true),
      /** Zhejiang: call back within 1 day */
      callBackWithinWorkingDays: days(30).default(1),
      /** Zhejiang 15 days, Sichuan 15 working days */
      rectifyWithinWorkingDays: days(90).default(15),
      /** the unit may appeal an untrue 差评 within this many working days */
      appealWithinWorkingDays: days(30).default(5),
      /** the center reviews an appeal within this many working days */
      reviewWithinWorkingDays: days(30).default(5),
      /** agents and leaders see who rated what only once the rating is settled; the center calls back */
      hideRaterFromStaff: z.boolean().default(false),
    })
    .prefault({}),
  routing: z
    .object({
      centerUnitId: z.string().min(1).default('center'),
      /** §四(一): which categories the center can finish itself */
      finishableInCenter: z
        .object(
          Object.fromEntries(CATEGORIES.map((c) => [c, z.boolean()])) as Record<
            (typeof CATEGORIES)[number],
            z.ZodBoolean
          >,
        )
        .default({ livelihood: true, enterprise: true, investment: false, major: false }),
      /** 归口管理: industry → department unit id, set by the center */
      industryDepartments: z.record(z.string(), z.string().min(1)).default({}),
      /** the department for projects whose industry has no department yet (发改委 oversees investment) */
      fallbackDepartment: z.string().min(1).default('fgw'),
      /** when no on-duty agent has the skill, give the case to the least busy on-duty agent of the unit */
      fallbackToAnyOnDutyAgent: z.boolean().default(true),
    })
    .prefault({}),
  /**
   * Where the center is, for 导航 (openLocation) and the address applicants read. DEMO DATA — not
   * confirmed by the center: the administrator sets the real address and map point in 设置.
   */
  location: z
    .object({
      name: z.string().trim().min(2).max(40).default('和硕县政务服务中心'),
      address: z
        .string()
        .trim()
        .min(4, '请填写地址')
        .max(100)
        .default('和硕县特吾里克镇政务服务中心大楼一楼帮办代办服务岗'),
      /** GCJ-02, as WeChat's map APIs take it */
      latitude: z.number().min(-90).max(90).default(42.2686),
      longitude: z.number().min(-180).max(180).default(86.8636),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type CalendarSettings = Settings['calendar'];
export type LifecycleSettings = Settings['lifecycle'];
export type BookingSettings = Settings['booking'];
export type ApplicationSettings = Settings['applications'];
export type RatingSettings = Settings['rating'];
export type RoutingSettings = Settings['routing'];

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The center's stored choices, completed with defaults and checked. */
export function resolveSettings(input: unknown = {}): Decision<Settings, 'INVALID_SETTINGS'> {
  const parsed = settingsSchema.safeParse(input ?? {});
  if (parsed.success) return allow(parsed.data);
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
  return refuse('INVALID_SETTINGS', '设置有误，请按提示修改', { fields });
}
