/**
 * 中文 of what the functions answer to applicants, by code: `error.<code>` for an answer's code or
 * for a rule's code among its fields (RULE_REFUSED { SLOT_FULL: … }). Chinese readers get the
 * server's own words; the dictionary says them in the reader's language (services/errors.ts).
 */
export const zhErrors = {
  'error.CONFLICT': '这条申请刚被他人更新，请刷新后再操作',
  'error.RULE_REFUSED': '这个操作现在不能进行。',
  'error.INTERNAL': '服务出了问题，请稍后再试。',
  'error.SLOT_NOT_FOUND': '没有这个预约时段。',
  'error.SLOT_PAST': '该时段已过，请选择其他时段。',
  'error.SLOT_FULL': '该时段已约满，请选择其他时段。',
  'error.DUPLICATE_BOOKING': '您已预约了这个时段。',
  'error.HOME_VISIT_LIVELIHOOD_ONLY': '上门服务限于民生保障类事项（行动不便或其他特殊群众）。',
  'error.HOME_VISIT_ADDRESS_REQUIRED': '请填写上门服务地址。',
  'error.BOOKING_NOT_ACTIVE': '该预约已取消或已结束。',
  'error.SAME_SLOT': '新时段与原时段相同。',
  'error.USE_HOME_VISIT': '上门服务请在“申请上门服务”中填写地址',
  'error.CASE_NOT_ENDED': '帮办代办服务结束后才能评价。',
  'error.ALREADY_RATED': '该服务已评价过，可以追评一次。',
  'error.NOT_RATED': '请先评价，再追评。',
  'error.FOLLOW_UP_ALREADY_GIVEN': '每项服务只能追评一次。',
  'error.BAD_RATING_REASON_REQUIRED': '选择“不满意”或“非常不满意”时，请至少选择一个原因或填写意见，以便我们回访整改。',
  'error.COMMENT_TOO_LONG': '意见建议不超过500字。',
  'error.RECEIPT_NOT_FINISHED': '办结后才能签收办理结果',
  'error.USE_WITHDRAW': '尚未受理的申请可以直接撤回',
  'error.ALREADY_REQUESTED': '您已申请终止，请等待帮代办员联系',
  'error.PRIVACY_CONSENT_REQUIRED': '请先阅读并同意《用户隐私保护指引》',
} as const;
