import type { Messages } from './zh'

/**
 * ئۇيغۇرچە (Arabic script, right to left). Every key of zh.ts, checked by the typecheck. Names of
 * units, official documents and what the applicant typed stay as written; terms follow
 * docs/glossary.md.
 */
export const ug: Messages = {
  'common.loading': 'يۈكلىنىۋاتىدۇ…',
  'common.more': 'تەپسىلاتى ۋە بېجىرىش جەريانىنى كۆرۈش',
  'common.moreArrow': '‹',

  'lang.switch': '中文',
  'lang.switchLabel': 'خەنزۇچىغا ئالماشتۇرۇش (中文)',

  'category.livelihood': 'خەلق تۇرمۇشىغا كاپالەتلىك قىلىش ئىشلىرى',
  'category.enterprise': 'كارخانا قۇرۇش ۋە ئۆزگەرتىش',
  'category.investment': '5 مىليون يۈەندىن (5 مىليون يۈەننى ئۆز ئىچىگە ئالىدۇ) يۇقىرى مەبلەغ سېلىش تۈرى',
  'category.major': 'مۇھىم تۈر',

  'status.applied': 'يوللاندى، قوبۇل قىلىنىشنى كۈتمەكتە',
  'status.accepted': 'قوبۇل قىلىندى',
  'status.handling': 'بېجىرىلىۋاتىدۇ',
  'status.awaiting_materials': 'ماتېرىيال تولۇقلاشنى كۈتمەكتە',
  'status.suspended': 'توختىتىپ قويۇلدى',
  'status.finished': 'بېجىرىپ تاماملاندى',
  'status.refused': 'قوبۇل قىلىنمىدى',
  'status.terminated': 'ئاخىرلاشتۇرۇلدى',

  'my.title': 'مېنىڭ ئىلتىماسلىرىم',
  'my.bookings': 'مېنىڭ ئالدىن بەلگىلىگەن ۋاقتىم',
  'my.empty': 'سىز تېخى ياردەملىشىپ ياكى ۋاكالىتەن بېجىرىش ئىلتىماسى يوللىمىدىڭىز.',
  'my.apply': 'ياردەملىشىپ ياكى ۋاكالىتەن بېجىرىشنى ئىلتىماس قىلىش',
  'my.caseNo': 'نومۇرى {caseNo}',
  'my.category': 'تۈرى: {category}',
  'my.submittedAt': 'يوللانغان ۋاقىت: {time}',
  'my.unit': 'بېجىرىدىغان ئورۇن: {unit}',
  'my.agent': 'ياردەمچى خادىم: {agent}',

  'messages.title': 'ئۇچۇرلار',
  'messages.unread': '{n} ئوقۇلمىغان',
  'messages.markAllRead': 'ھەممىنى ئوقۇلدى دەپ بەلگىلەش',
  'messages.empty': 'تېخى ئۇچۇر يوق. ئىلتىماسىڭىز قوبۇل قىلىنغاندا، بېجىرىش جەريانىدا ۋە تاماملانغاندا بۇ يەردە ئۇقتۇرىمىز.',
  'messages.unreadTag': '[ئوقۇلمىغان] ',
  'messages.caseNo': 'نومۇرى: {caseNo}',
  'messages.matter': 'ئىش: {matter}',
  'messages.time': 'ۋاقىت: {time}',
  'push.pending': 'يوللىنىۋاتىدۇ',
  'push.sent': 'ئۈندىدارغا يوللاندى',
  'push.no_grant': 'يوللانمىدى (مۇشتەرى بولۇشقا قوشۇلمىغان)',
  'push.no_template': 'يوللانمىدى (ئۇقتۇرۇش قېلىپى تەڭشەلمىگەن)',
  'push.failed': 'يوللاش مەغلۇپ بولدى',
  'messages.push': 'ئۈندىدار ئۇقتۇرۇشى: {push}',
}
