/** Personal data is shown masked everywhere (PIPL): phones keep 3 + 4 digits, names the surname. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** A mainland mobile or an 18-character ID number anywhere in free text (a note, an error message). */
const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d{9}(?!\d)/g;

/** Masks ID numbers and mobiles inside free text, for logs and for notes shown to other staff. */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id))
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m.replace(/^\+?86[\s-]?/, '')));
}

/** Field names whose values are personal data and never go to a log as they are (PIPL). */
const PERSONAL_FIELDS: Record<string, (v: string) => string> = {
  contactPhone: maskPhone,
  phone: maskPhone,
  mobile: maskPhone,
  contactName: maskName,
  name: maskName,
  applicantName: maskName,
  idNumber: maskIdNumber,
  homeAddress: () => '***',
  address: () => '***',
};

/**
 * A copy of a value that is safe to log: known personal fields masked, IDs and mobiles masked in any
 * other string, openids left out entirely (they identify a person across every service).
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return maskPersonalDataInText(value);
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (/openid/i.test(k)) continue;
      const mask = PERSONAL_FIELDS[k];
      out[k] =
        Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, k) && typeof v === 'string'
          ? mask(v)
          : redactForLog(v, depth + 1);
    }
    return out;
  }
  return value;
}
