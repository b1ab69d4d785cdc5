import fc from 'fast-check';
import { z } from 'zod';
import { FUNCTIONS } from '../../../cloudfunctions-src/api-docs';
import type { ActionSpec } from '../../../cloudfunctions-src/shared/action';
import { ENTERPRISE_USCC, PERSON_ID, fullApplication } from '../../support/applicant';
import { worldCaseFile } from './world';

/**
 * Everything the security suites iterate over, read from the registry (cloudfunctions-src/api-docs.ts
 * FUNCTIONS): every function action, and for an action whose input holds a discriminated union
 * (workbench.act's `action`) one variant per branch. Each gets a valid sample input built from
 * its zod schema (through JSON Schema), so an action added tomorrow is covered without editing
 * these tests; a schema this builder cannot satisfy fails loudly ("no valid sample").
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
};

export interface ActionVariant {
  fn: string;
  action: string;
  /** fn.action, or fn.action[branch] for a union branch */
  key: string;
  /** the union branch's discriminator value (a CASE_TRANSITIONS type for workbench.act) */
  branch: string | null;
  spec: ActionSpec<z.ZodType, z.ZodType>;
  schema: JsonSchema;
  /** a valid input (parses with the action's own schema) */
  sample: Record<string, unknown>;
}

export const jsonSchemaOf = (spec: ActionSpec<z.ZodType, z.ZodType>) =>
  z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/** Values for fields whose rules live in refinements JSON Schema cannot show (check digits, phone numbers, dates). */
const FIELD_SAMPLES: Record<string, unknown> = {
  contactPhone: '13800138000',
  phone: '13800138000',
  idNumber: PERSON_ID,
  uscc: ENTERPRISE_USCC,
  scheduledFor: '2026-12-20T03:00:00.000Z',
  signatureFileID: 'cloud://bangban-local.test/signatures/sample.png',
  fileID: 'cloud://bangban-local.test/materials/sample.pdf',
  date: '2026-12-21',
};

/** Whole inputs for actions a field-by-field sample cannot satisfy (cross-field rules). */
const ACTION_SAMPLES: Record<string, () => Record<string, unknown>> = {
  'cases.submit': () =>
    fullApplication({
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '企业设立登记（样例）',
      contactName: '样例',
      contactPhone: '13800138000',
    }),
  // a file the world's cases of the applicant really carry: related staff get a link (positive control), the rest NOT_FOUND
  'workbench.fileLink': () => ({ caseId: 'sample-case', fileIDs: [worldCaseFile()] }),
  // exactly one of a confirmed case or a walk-in held on the desk
  'bookings.bookFor': () => ({
    slotId: '2026-12-21@am@10:00',
    walkIn: { name: '样例', phone: '13800138000', category: 'livelihood' },
  }),
};

const sampleOf = (s: JsonSchema, arb: fc.Arbitrary<unknown>) =>
  fc.sample(arb, { seed: 20261128, numRuns: 1 })[0] ?? s.default;

/** A plain valid value for a schema (the smallest that says something), or undefined when none can be made. */
export function minimalValue(s: JsonSchema, field = ''): unknown {
  if (field && Object.prototype.hasOwnProperty.call(FIELD_SAMPLES, field)) return FIELD_SAMPLES[field];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branches = s.oneOf ?? s.anyOf;
  if (branches) return minimalValue(branches[0], field);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const candidates = fc
          .sample(fc.stringMatching(re), { seed: 7, numRuns: 50 })
          .filter((v) => v.trim() === v && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
        return candidates.sort((a, b) => a.length - b.length)[0];
      }
      const min = Math.max(s.minLength ?? 0, 4);
      const text = '样例内容说明文字'.repeat(Math.ceil(min / 8) + 1);
      return text.slice(0, Math.min(Math.max(min, 8), s.maxLength ?? Infinity));
    }
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Infinity);
      return Math.min(Math.max(lo, 1), hi);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const n = Math.min(Math.max(s.minItems ?? 0, 1), s.maxItems ?? 1);
      const item = s.items ? minimalValue(s.items) : 'x';
      return Array.from({ length: n }, () => item);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {}))
        if ((s.required ?? []).includes(k)) out[k] = minimalValue(v, k);
      return out;
    }
    default:
      return sampleOf(s, fc.constant(undefined));
  }
}

/** The registry as variants: one per action, or per union branch of an action's union field. */
export function actionVariants(functions = FUNCTIONS): ActionVariant[] {
  const out: ActionVariant[] = [];
  for (const [fn, table] of Object.entries(functions)) {
    for (const [action, spec] of Object.entries(table)) {
      const schema = jsonSchemaOf(spec);
      const base = (ACTION_SAMPLES[`${fn}.${action}`]?.() ?? minimalValue(schema)) as Record<string, unknown>;
      const unionField = Object.entries(schema.properties ?? {}).find(([, p]) =>
        (p.oneOf ?? p.anyOf)?.every(
          (b) => b.properties && Object.values(b.properties).some((x) => x.const !== undefined),
        ),
      );
      if (!unionField) {
        out.push({ fn, action, key: `${fn}.${action}`, branch: null, spec, schema, sample: base });
        continue;
      }
      const [field, union] = unionField;
      for (const b of union.oneOf ?? union.anyOf ?? []) {
        const disc = Object.entries(b.properties ?? {}).find(([, x]) => x.const !== undefined)!;
        const branch = String(disc[1].const);
        out.push({
          fn,
          action,
          key: `${fn}.${action}[${branch}]`,
          branch,
          spec,
          schema,
          sample: { ...base, [field]: minimalValue(b) },
        });
      }
    }
  }
  return out;
}

/** Variants whose sample does not pass their own schema: the builder needs a FIELD_SAMPLES entry. */
export function invalidSamples(variants: ActionVariant[]): string[] {
  return variants
    .filter((v) => !v.spec.input.safeParse(v.sample).success)
    .map(
      (v) =>
        `${v.key} (give the field a value in FIELD_SAMPLES or the action one in ACTION_SAMPLES, test/security/support/registry.ts): ${JSON.stringify(v.spec.input.safeParse(v.sample).error?.issues.map((i) => `${i.path.join('.')} ${i.message}`))}`,
    );
}

export type ResourceKind = 'case' | 'booking' | 'badRating';
/** The resource an action's input points at, recognised by field name (a 差评 record's `id` by its `<caseId>-0|1` pattern). */
export function resourceKind(v: ActionVariant): ResourceKind | null {
  const p = v.schema.properties ?? {};
  // bookFor's caseId says whose booking it is, not a case the caller acts on: desk staff book for
  // anyone (booking.create is 'all' for agents and the center), so it is matrixed by role only
  if (v.fn === 'bookings' && v.action === 'bookFor') return null;
  if (p.caseId) return 'case';
  if (p.bookingId) return 'booking';
  if (p.id?.pattern?.includes('[01]')) return 'badRating';
  return null;
}
