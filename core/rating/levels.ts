import type { CaseStatus } from '../case-status';
import type { RatingLevel } from '../settings';

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

export const RATING_SCORES: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

/** 差评 = 不满意 and 非常不满意. */
export const BAD_RATING_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];

export function isBadRating(level: RatingLevel): boolean {
  return BAD_RATING_LEVELS.includes(level);
}

/** The offline-service dimensions (线下服务评价): 整体满意度, 服务效率, 服务水平, 服务态度. */
export const RATING_DIMENSIONS = ['overall', 'efficiency', 'competence', 'attitude'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  overall: '整体满意度',
  efficiency: '服务效率',
  competence: '服务水平',
  attitude: '服务态度',
};

/** Selectable reasons; positive ones go with 满意 and above, negative with 不满意 and below, both with 基本满意. */
export const RATING_TAGS = {
  one_visit: { label: '一次办成', polarity: 'positive' },
  efficient: { label: '办事效率高', polarity: 'positive' },
  attentive: { label: '服务热情周到', polarity: 'positive' },
  clear_guidance: { label: '告知清楚明白', polarity: 'positive' },
  proactive_feedback: { label: '主动反馈进度', polarity: 'positive' },
  slow: { label: '办理时间长', polarity: 'negative' },
  many_trips: { label: '多次跑动', polarity: 'negative' },
  unclear_guidance: { label: '一次性告知不到位', polarity: 'negative' },
  poor_attitude: { label: '服务态度差', polarity: 'negative' },
  no_feedback: { label: '未及时反馈进度', polarity: 'negative' },
  // §二(三) 无偿: asking for any fee beyond statutory ones is itself a breach
  asked_for_fees: { label: '被要求支付额外费用', polarity: 'negative' },
  other: { label: '其他', polarity: 'any' },
} as const;
export type RatingTag = keyof typeof RATING_TAGS;

export const RATING_MESSAGES = {
  CASE_NOT_ENDED: '帮办代办服务结束后才能评价。',
  ALREADY_RATED: '该服务已评价过，可以追评一次。',
  NOT_RATED: '请先评价，再追评。',
  FOLLOW_UP_ALREADY_GIVEN: '每项服务只能追评一次。',
  LEVEL_INVALID: '请选择评价等级。',
  DIMENSION_INVALID: '评价维度或等级不正确。',
  TAG_INVALID: '评价标签不正确。',
  TAG_LEVEL_MISMATCH: '所选标签与评价等级不一致。',
  BAD_RATING_REASON_REQUIRED: '选择“不满意”或“非常不满意”时，请至少选择一个原因或填写意见，以便我们回访整改。',
  COMMENT_TOO_LONG: '意见建议不超过500字。',
  NO_SERVICE_GIVEN: '这条申请在工作人员办理之前已撤回，没有可评价的服务。如有意见建议，请拨打政务服务中心热线。',
} as const;

export interface RatableCase {
  caseId: string;
  applicantId: string;
  status: CaseStatus;
  endedAt: Date | null;
  agentIds: (string | null)[];
  unitId: string;
  /** false when the case ended without any service to rate (see ratingAttribution); absent = given */
  serviceGiven?: boolean;
}

export interface RatingInput {
  level: RatingLevel;
  dimensions?: Partial<Record<RatingDimension, RatingLevel>>;
  tags?: RatingTag[];
  comment?: string | null;
}

export interface RatingEntry {
  level: RatingLevel;
  dimensions: Partial<Record<RatingDimension, RatingLevel>>;
  tags: RatingTag[];
  comment: string | null;
  at: Date;
}

export interface Rating extends RatingEntry {
  caseId: string;
  raterId: string;
  /** 'default': given by the system after settings.rating.defaultRatingAfterDays */
  source: 'applicant' | 'default';
  followUp: RatingEntry | null;
}
