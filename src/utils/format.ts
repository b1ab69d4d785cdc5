const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "2024-03-05 14:07" in China time (UTC+8, no daylight saving) whatever the device's zone,
 * since the center and its citizens read times in Beijing time.
 */
export function formatChinaDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + CHINA_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * A booking window's name with its kind, once: "延时服务", not "延时 延时服务"; a name that does not
 * say its kind gets it in brackets ("晚间窗口（延时）").
 */
export function windowTitle(kindLabel: string, label: string): string {
  if (!label) return kindLabel;
  return label.includes(kindLabel) ? label : `${label}（${kindLabel}）`;
}

/**
 * What someone typed, ready to be followed by our own "。": its trailing full stops, commas and the
 * like dropped, so "排队。" inside a sentence does not read "排队。。".
 */
export function clause(text: string): string {
  return text.trim().replace(/[\s。．.，,、；;！!？?…]+$/u, '');
}
