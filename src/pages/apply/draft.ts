import { validateResidentId, validateUscc } from '../../../core/identity';
import type {
  ApprovalLevel,
  EnterpriseMatter,
  ExcludedProjectKind,
  MajorPlanLevel,
  ScopeAnswers,
  SpecialGroup,
} from '../../../core/eligibility';
import type { ApplicantType, Category, ServiceMode } from '../../constants/categories';
import { translate, type Lang, type MessageKey } from '../../i18n';
import { zh } from '../../i18n/zh';
import type { FieldErrors } from '../../services/result';
import type { MaterialMeta } from '../../services/uploads';
import { clause } from '../../utils/format';

export const DRAFT_KEY = 'bangban.applyDraft';

export interface Draft {
  category?: Category;
  applicantType?: ApplicantType;
  mode?: ServiceMode;
  applicantName: string;
  idNumber: string;
  uscc: string;
  specialGroups: string[];
  enterpriseMatter?: string;
  projectName: string;
  investmentWan: string;
  approvalLevel?: string;
  annualPlans: string[];
  /** §三 answers the self-check asks too ('yes' / 'no'; unanswered counts as no where it may) */
  publicService?: string;
  newlyRegistered?: string;
  related?: string;
  fitsPolicy?: string;
  excludedKinds?: string[];
  keySupervised?: string;
  designated?: string;
  matter: string;
  contactName: string;
  contactPhone: string;
  materials: MaterialMeta[];
  commitment: boolean;
  signatureFileID: string;
  /**
   * kept until the case exists, so a retry after a lost answer is the same request (幂等); empty
   * again once it is sent, so the next application gets its own
   */
  requestId: string;
  /** 长辈版: the question on screen, so she comes back to where she left off */
  step?: string;
}

export const EMPTY: Draft = {
  applicantName: '',
  idNumber: '',
  uscc: '',
  specialGroups: [],
  projectName: '',
  investmentWan: '',
  annualPlans: [],
  excludedKinds: [],
  matter: '',
  contactName: '',
  contactPhone: '',
  materials: [],
  commitment: false,
  signatureFileID: '',
  requestId: '',
};
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

/**
 * The 委托书 as signed and stored: the official text is Chinese whatever the reader's language (a
 * Uyghur reader sees it in Uyghur beside it); what the applicant typed goes in as typed.
 */
export function mandateText(d: Draft, lang: Lang = 'zh'): string {
  return translate(lang, 'apply.mandate.text', {
    who: d.applicantName.trim() || translate(lang, 'apply.mandate.who'),
    matter: clause(d.matter) || translate(lang, 'apply.mandate.matter'),
  });
}

/** The category's answers as cases.submit takes them (core ScopeAnswers plus the project name). */
export function applicationDetails(d: Draft): ScopeAnswers & { projectName?: string } {
  const yes = (v?: string) => v === 'yes';
  switch (d.category) {
    case 'livelihood':
      return { specialGroups: d.specialGroups as SpecialGroup[], livelihoodPublicService: yes(d.publicService) };
    case 'enterprise':
      return {
        enterpriseMatter: d.enterpriseMatter as EnterpriseMatter,
        newlyRegistered: yes(d.newlyRegistered),
        relatedToCoveredMatter: yes(d.related),
      };
    case 'investment':
      return {
        projectName: d.projectName.trim(),
        investmentWan: Number(d.investmentWan),
        approvalLevel: d.approvalLevel as ApprovalLevel,
        fitsIndustrialPolicy: yes(d.fitsPolicy),
        excludedKinds: (d.excludedKinds ?? []) as ExcludedProjectKind[],
      };
    default:
      return {
        projectName: d.projectName.trim(),
        annualPlans: d.annualPlans as MajorPlanLevel[],
        keySupervised: yes(d.keySupervised),
        designatedByCountyGovernment: yes(d.designated),
      };
  }
}

/** Which dictionary entry says what is wrong with each field, the phone's checks and the server's alike. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  category: 'apply.err.category',
  applicantType: 'apply.err.applicantType',
  mode: 'apply.err.mode',
  applicantName: 'apply.err.personName',
  idNumber: 'apply.err.idNumber',
  uscc: 'apply.err.uscc',
  'details.livelihoodPublicService': 'apply.err.publicService',
  'details.enterpriseMatter': 'apply.err.enterpriseMatter',
  'details.projectName': 'apply.err.projectName',
  'details.investmentWan': 'apply.err.investment',
  'details.approvalLevel': 'apply.err.approval',
  'details.fitsIndustrialPolicy': 'apply.err.policy',
  matter: 'apply.err.matter',
  contactName: 'apply.err.contactName',
  contactPhone: 'apply.err.contactPhone',
  mandate: 'apply.err.mandate',
  'mandate.signatureFileID': 'apply.err.mandate',
};

/**
 * The server's field messages in the reader's language, decided here only: Chinese readers get the
 * server's own words; others get the dictionary's entry for the field (or the scope reason, by its
 * code). The server stays the judge of which fields are wrong.
 */
export function localizeFields(fields: FieldErrors, lang: Lang): FieldErrors {
  if (lang === 'zh') return fields;
  return Object.fromEntries(
    Object.keys(fields).map((k) => {
      const key: MessageKey = FIELD_MESSAGES[k]
        ? FIELD_MESSAGES[k]
        : `reason.${k}` in zh
          ? (`reason.${k}` as MessageKey)
          : /^(materials|FILE_)/.test(k)
            ? 'apply.err.materials'
            : 'error.INVALID_INPUT';
      return [k, translate(lang, key)];
    }),
  );
}

/** Every rule the phone can check before sending; the server checks them all again. */
export function validateDraft(d: Draft, lang: Lang = 'zh'): FieldErrors {
  const t = (key: MessageKey) => translate(lang, key);
  const e: FieldErrors = {};
  if (!d.category) e.category = t('apply.err.category');
  if (!d.applicantType) e.applicantType = t('apply.err.applicantType');
  if (!d.mode) e.mode = t('apply.err.mode');
  if (!d.applicantName.trim())
    e.applicantName = t(d.applicantType === 'enterprise' ? 'apply.err.enterpriseName' : 'apply.err.personName');
  if (d.applicantType === 'person') {
    const r = validateResidentId(d.idNumber, new Date());
    if (!r.ok) e.idNumber = d.idNumber.trim() ? t(`identity.${r.code}`) : t('apply.err.idNumber');
  }
  if (d.applicantType === 'enterprise') {
    const r = validateUscc(d.uscc);
    if (!r.ok) e.uscc = d.uscc.trim() ? t(`identity.${r.code}`) : t('apply.err.uscc');
  }
  if (d.category === 'livelihood' && !d.publicService)
    e['details.livelihoodPublicService'] = t('apply.err.publicService');
  if (d.category === 'enterprise' && !d.enterpriseMatter)
    e['details.enterpriseMatter'] = t('apply.err.enterpriseMatter');
  if (d.category === 'investment' || d.category === 'major') {
    if (!d.projectName.trim()) e['details.projectName'] = t('apply.err.projectName');
  }
  if (d.category === 'investment') {
    const n = Number(d.investmentWan);
    if (!d.investmentWan.trim() || !Number.isFinite(n) || n < 0) e['details.investmentWan'] = t('apply.err.investment');
    if (!d.approvalLevel) e['details.approvalLevel'] = t('apply.err.approval');
    if (!d.fitsPolicy) e['details.fitsIndustrialPolicy'] = t('apply.err.policy');
  }
  if (d.matter.trim().length < 2) e.matter = t('apply.err.matter');
  if (!d.contactName.trim()) e.contactName = t('apply.err.contactName');
  if (!PHONE.test(d.contactPhone.trim())) e.contactPhone = t('apply.err.contactPhone');
  if (d.mode === 'proxy' && !d.signatureFileID) e.mandate = t('apply.err.mandate');
  return e;
}

export const FIELD_ORDER = [
  'category',
  'applicantType',
  'mode',
  'applicantName',
  'idNumber',
  'uscc',
  'details.specialGroups',
  'details.livelihoodPublicService',
  'details.enterpriseMatter',
  'details.projectName',
  'details.investmentWan',
  'details.approvalLevel',
  'details.fitsIndustrialPolicy',
  'matter',
  'contactName',
  'contactPhone',
  'mandate',
  'materials',
];
