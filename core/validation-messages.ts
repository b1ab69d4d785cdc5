/**
 * Plain Chinese for a zod issue that its schema gave no message of its own. The functions install it
 * as zod's error map (cloudfunctions-src/shared/handler.ts), so no field anywhere answers in zod's
 * English ("Too small: expected string to have >=1 characters" once reached staff).
 */
export interface ValidationIssue {
  code: string;
  /** too_small / too_big: what was measured (string, number, array, …) */
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  /** invalid_type: the type wanted */
  expected?: string;
  input?: unknown;
  /** invalid_format: regex, email, datetime, … */
  format?: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: '请填写文字',
  number: '请填写数字',
  int: '请填写整数',
  bigint: '请填写整数',
  boolean: '请选择是或否',
  array: '请按列表填写',
  object: '内容不完整',
  date: '请填写正确的日期',
};

export function validationMessage(issue: ValidationIssue): string {
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return '请填写此项';
      return TYPE_WORDS[issue.expected ?? ''] ?? '填写的内容不对，请检查';
    case 'too_small': {
      const min = n(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '请填写此项' : `至少填写${min}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? '请至少选择一项' : `至少${min}项`;
      if (issue.origin === 'date') return '日期太早';
      return issue.inclusive === false ? `须大于${min}` : `不能小于${min}`;
    }
    case 'too_big': {
      const max = n(issue.maximum);
      if (issue.origin === 'string') return `不超过${max}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多${max}项`;
      if (issue.origin === 'date') return '日期太晚';
      return issue.inclusive === false ? `须小于${max}` : `不能大于${max}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return '邮箱格式不正确';
      if (issue.format === 'date' || issue.format === 'datetime' || issue.format === 'time')
        return '日期或时间格式不正确';
      return '格式不正确，请检查';
    case 'invalid_value':
      return '请从给出的选项中选择';
    case 'not_multiple_of':
      return '数值不符合要求';
    case 'unrecognized_keys':
      return '包含无法识别的内容';
    case 'invalid_union':
      return '填写的内容不符合要求';
    default:
      return '填写的内容有误，请检查';
  }
}
