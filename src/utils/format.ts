const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * "2024-03-05 14:07" in China time (UTC+8, no daylight saving) whatever the device's zone,
 * since the center and its citizens read times in Beijing time.
 */
export function formatChinaDateTime(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t + CHINA_OFFSET_MS)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}
