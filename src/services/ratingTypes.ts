export interface RatingEntryView {
  level?: string;
  levelLabel: string;
  dimensions: { dimension: string; label: string; level?: string; levelLabel: string }[];
  tags: string[];
  tagCodes?: string[];
  comment: string | null;
  at: string;
}
export interface RatingState {
  canRate: boolean;
  /** why an ended case cannot be rated (withdrawn before anyone served it), in words */
  noServiceReason?: string | null;
  canFollowUp: boolean;
  rating: (RatingEntryView & { followUp: RatingEntryView | null }) | null;
  badRatings: {
    followUp: boolean;
    status?: string;
    statusLabel: string;
    history: { label: string; statusLabel: string; at: string; note: string }[];
  }[];
  options?: {
    levels: { value: string; label: string }[];
    dimensions: { value: string; label: string }[];
    tags: { value: string; label: string; polarity: string }[];
  };
}
export interface RatingInput {
  caseId: string;
  level: string;
  dimensions?: Record<string, string>;
  tags?: string[];
  comment?: string;
}
