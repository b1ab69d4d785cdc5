/**
 * DEMO DATA — not confirmed by 和硕县政务服务中心. Replace with the center's published
 * hours before release. Kept in this one file so nobody has to hunt for it.
 */
export const CENTER_NAME = '和硕县政务服务中心'

export interface OpeningPeriod {
  /** Which days the periods apply to, in words a citizen reads. */
  days: string
  /** Local (UTC+8) clock times, "HH:mm–HH:mm". */
  periods: string[]
}

export const CENTER_HOURS_ARE_DEMO = true

export const CENTER_HOURS: OpeningPeriod[] = [
  { days: '工作日', periods: ['9:30–13:30', '16:00–19:30'] },
]

/** Appointment, after-hours and off-peak service exist (rulebook §二); say how to ask for them. */
export const CENTER_EXTRA_SERVICE_NOTE = '如需预约、延时、错时或上门服务，请在申请时写明。'
