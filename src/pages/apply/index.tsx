import { useRef, useState, type ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { validateResidentId, validateUscc } from '../../../core/identity';
import {
  assessApplication,
  ENTERPRISE_MATTER_LABELS,
  ENTERPRISE_MATTERS,
  EXCLUDED_PROJECT_KIND_LABELS,
  EXCLUDED_PROJECT_KINDS,
  MAJOR_PLAN_LEVEL_LABELS,
  MAJOR_PLAN_LEVELS,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  type ApprovalLevel,
  type EnterpriseMatter,
  type ExcludedProjectKind,
  type MajorPlanLevel,
  type ScopeAnswers,
  type SpecialGroup,
} from '../../../core/eligibility';
import ActionButton from '../../components/ActionButton';
import CheckGroup from '../../components/CheckGroup';
import ChoiceGroup from '../../components/ChoiceGroup';
import FieldError from '../../components/FieldError';
import MaterialsPicker from '../../components/MaterialsPicker';
import MatterMaterials from '../../components/MatterMaterials';
import PageShell from '../../components/PageShell';
import PrivacyGate from '../../components/PrivacyGate';
import SignaturePad from '../../components/SignaturePad';
import StepFrame from '../../components/StepFrame';
import SubscribeNote from '../../components/SubscribeNote';
import {
  APPLICANT_TYPES,
  CATEGORIES,
  MATTER_MAX_LENGTH,
  SERVICE_MODES,
  type ApplicantType,
  type Category,
  type ServiceMode,
} from '../../constants/categories';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import { useDraft } from '../../hooks/useDraft';
import { useElderMode } from '../../hooks/useElderMode';
import { describeError } from '../../services/errors';
import { getSubscribeTemplates } from '../../services/applicant';
import { AppError, type FieldErrors } from '../../services/result';
import { submitApplication, type SubmittedApplication } from '../../services/cases';
import { askToSubscribe } from '../../services/notify';
import { clause } from '../../utils/format';
import type { MaterialMeta } from '../../services/uploads';
import { a11yRole } from '../../utils/a11y';

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

const EMPTY: Draft = {
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
const APPROVAL_CHOICES = [
  { value: 'county', label: '县级部门审批', description: '由和硕县的部门审批或备案。' },
  { value: 'prefecture', label: '州级审批', description: '由巴音郭楞蒙古自治州审批。' },
  { value: 'region', label: '自治区级审批', description: '由自治区审批。' },
  { value: 'national', label: '国家级审批', description: '由国家部委审批。' },
];
const YES_NO = [
  { value: 'yes', label: '是', description: '' },
  { value: 'no', label: '不是', description: '' },
];
const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

export function mandateText(d: Draft): string {
  const who = d.applicantName.trim() || '（申请人）';
  return `本人（单位）${who}自愿委托和硕县政务服务中心帮代办员，代为办理：${clause(d.matter) || '（所办事项）'}。委托期限自签署之日起至办结或终止委托为止；本人可随时终止委托。帮办代办服务免费，法定费用由本人按规定缴纳。`;
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

/** Every rule the phone can check before sending; the server checks them all again. */
export function validateDraft(d: Draft): FieldErrors {
  const e: FieldErrors = {};
  if (!d.category) e.category = '请选择要办理的事项类别';
  if (!d.applicantType) e.applicantType = '请选择申请人类型';
  if (!d.mode) e.mode = '请选择帮办或代办';
  if (!d.applicantName.trim())
    e.applicantName = d.applicantType === 'enterprise' ? '请填写企业名称' : '请填写申请人姓名';
  if (d.applicantType === 'person') {
    const r = validateResidentId(d.idNumber, new Date());
    if (!r.ok) e.idNumber = d.idNumber.trim() ? r.message : '请填写身份证号';
  }
  if (d.applicantType === 'enterprise') {
    const r = validateUscc(d.uscc);
    if (!r.ok) e.uscc = d.uscc.trim() ? r.message : '请填写统一社会信用代码';
  }
  if (d.category === 'livelihood' && !d.publicService)
    e['details.livelihoodPublicService'] = '请回答是否为民生保障类事项';
  if (d.category === 'enterprise' && !d.enterpriseMatter) e['details.enterpriseMatter'] = '请选择企业事项';
  if (d.category === 'investment' || d.category === 'major') {
    if (!d.projectName.trim()) e['details.projectName'] = '请填写项目名称';
  }
  if (d.category === 'investment') {
    const n = Number(d.investmentWan);
    if (!d.investmentWan.trim() || !Number.isFinite(n) || n < 0)
      e['details.investmentWan'] = '请填写投资额（万元，只填数字）';
    if (!d.approvalLevel) e['details.approvalLevel'] = '请选择审批层级';
    if (!d.fitsPolicy) e['details.fitsIndustrialPolicy'] = '请回答是否符合产业政策';
  }
  if (d.matter.trim().length < 2) e.matter = '请简要说明要办理的事项';
  if (!d.contactName.trim()) e.contactName = '请填写联系人姓名';
  if (!PHONE.test(d.contactPhone.trim())) e.contactPhone = '请填写正确的手机号或带区号的固定电话';
  if (d.mode === 'proxy' && !d.signatureFileID) e.mandate = '代办须在委托书下方手写签名，并点“确认签名”';
  return e;
}

const FIELD_ORDER = [
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

/** One question of the form: its answer's error keys, and how it is asked. */
interface Question {
  id: string;
  keys: string[];
  node: ReactNode;
}

/** Whether an error (a validateDraft or server field key) is about this question. */
function owns(q: Question, key: string): boolean {
  if (q.keys.includes(key)) return true;
  if (q.id === 'materials') return key.startsWith('materials.') || /^FILE_[A-Z_]+$/.test(key);
  return false;
}

/** The answers as 长辈版's last step reads them back: [question id, label, answer]. */
function reviewRows(d: Draft): [string, string, string][] {
  const person = d.applicantType === 'person';
  const yesNo = (v?: string) => (v === 'yes' ? '是' : v === 'no' ? '不是' : '未回答');
  const rows: [string, string, string][] = [
    ['category', '事项类别', CATEGORIES.find((c) => c.value === d.category)?.label ?? '未选'],
    ['applicantType', '申请人', APPLICANT_TYPES.find((c) => c.value === d.applicantType)?.label ?? '未选'],
    ['applicantName', person ? '姓名' : '企业名称', d.applicantName.trim() || '未填'],
    person
      ? ['idNumber', '身份证号', d.idNumber.trim() || '未填']
      : ['uscc', '统一社会信用代码', d.uscc.trim() || '未填'],
  ];
  if (d.category === 'livelihood') {
    rows.push([
      'specialGroups',
      '您的情况',
      d.specialGroups.map((g) => SPECIAL_GROUP_LABELS[g as SpecialGroup] ?? g).join('、') || '未选',
    ]);
    rows.push(['publicService', '民生保障事项', yesNo(d.publicService)]);
  }
  if (d.category === 'enterprise')
    rows.push([
      'enterpriseMatter',
      '企业事项',
      ENTERPRISE_MATTER_LABELS[d.enterpriseMatter as EnterpriseMatter] ?? '未选',
    ]);
  if (d.category === 'investment' || d.category === 'major')
    rows.push(['projectName', '项目名称', d.projectName.trim() || '未填']);
  if (d.category === 'investment') {
    rows.push(['investmentWan', '总投资', d.investmentWan.trim() ? `${d.investmentWan.trim()} 万元` : '未填']);
    rows.push([
      'approvalLevel',
      '审批层级',
      APPROVAL_CHOICES.find((c) => c.value === d.approvalLevel)?.label ?? '未选',
    ]);
    rows.push(['fitsPolicy', '符合产业政策', yesNo(d.fitsPolicy)]);
  }
  rows.push(['matter', '要办的事', d.matter.trim() || '未填']);
  rows.push(['contactName', '联系人', d.contactName.trim() || '未填']);
  rows.push(['contactPhone', '联系电话', d.contactPhone.trim() || '未填']);
  rows.push(['mode', '服务方式', SERVICE_MODES.find((m) => m.value === d.mode)?.label ?? '未选']);
  if (d.mode === 'proxy') rows.push(['mandate', '委托书签名', d.signatureFileID ? '已签名' : '未签名']);
  rows.push(['materials', '相关材料', d.materials.length > 0 ? `${d.materials.length} 个文件` : '没有上传']);
  if (d.category === 'enterprise') rows.push(['commitment', '告知承诺', d.commitment ? '承诺' : '不选']);
  return rows;
}

function TextField({
  name,
  hook,
  label,
  hint,
  value,
  error,
  onInput,
  type,
  maxlength,
  placeholder,
}: {
  name: string;
  hook?: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onInput: (v: string) => void;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength: number;
  placeholder: string;
}) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      <Input
        className={`input t-${name.replace('details.', '')}${hook ? ` ${hook}` : ''}`}
        type={type ?? 'text'}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onInput(String(e.detail?.value ?? ''))}
      />
      <FieldError name={name.replace('details.', '')} text={error} />
    </View>
  );
}

function ApplyForm() {
  const [draft, setDraftState, clearDraft] = useDraft<Draft>(DRAFT_KEY, EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<(SubmittedApplication & { category?: Category }) | null>(null);
  const inFlight = useRef(false);
  const templates = useAsync(getSubscribeTemplates);
  const [elder] = useElderMode();

  const update = <K extends keyof Draft>(key: K, value: Draft[K], errorKey: string = key) => {
    setDraftState((d) => ({ ...d, [key]: value }));
    setFieldErrors((e) => {
      if (!(errorKey in e)) return e;
      const next = { ...e };
      delete next[errorKey];
      return next;
    });
  };

  /** `steps` in 长辈版: an answer to fix is shown on its own step, not only on the last one. */
  const submit = async (steps?: Question[]) => {
    // a second tap while the first is on its way does nothing; a retry later reuses the request id
    if (inFlight.current) return;
    const toFirstError = (errors: FieldErrors) => {
      const q = steps?.find((x) => Object.keys(errors).some((k) => owns(x, k)));
      if (!q) return;
      setDraftState((x) => ({ ...x, step: q.id }));
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    };
    const errors = validateDraft(draft);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setFormError(`还有${Object.keys(errors).length}处没有填好，请按红字提示修改。`);
      toFirstError(errors);
      return;
    }
    // §三 on the phone with the server's own function: out of scope is said here, with every reason
    const scope = assessApplication({
      category: draft.category!,
      applicantType: draft.applicantType!,
      details: applicationDetails(draft),
    });
    if (!scope.eligible) {
      setFieldErrors(Object.fromEntries(scope.reasons.map((r) => [r.code, r.message])));
      setFormError('这件事不属于帮办代办范围，原因见下方。有疑问请拨打政务服务中心热线，或到综合咨询窗口咨询。');
      return;
    }
    inFlight.current = true;
    // asked inside the tap, before anything else waits (WeChat only allows it from a tap)
    const t = templates.status === 'ok' ? templates.data : null;
    const asking = askToSubscribe([t?.acceptResult, t?.progress, t?.finished].filter((x): x is string => !!x));
    const requestId = draft.requestId || newRequestId();
    if (!draft.requestId) setDraftState((d) => ({ ...d, requestId }));
    setSubmitting(true);
    setFormError('');
    setFieldErrors({});
    try {
      await asking;
      const d = draft;
      const result = await submitApplication({
        requestId,
        category: d.category!,
        applicantType: d.applicantType!,
        mode: d.mode!,
        applicantName: d.applicantName.trim(),
        ...(d.applicantType === 'person' ? { idNumber: d.idNumber.trim() } : { uscc: d.uscc.trim().toUpperCase() }),
        details: { ...applicationDetails(d) },
        matter: d.matter.trim(),
        contactName: d.contactName.trim(),
        contactPhone: d.contactPhone.trim(),
        materials: d.materials,
        ...(d.mode === 'proxy' ? { mandate: { text: mandateText(d), signatureFileID: d.signatureFileID } } : {}),
        ...(d.category === 'enterprise' ? { commitment: d.commitment } : {}),
      });
      clearDraft();
      setDone({ ...result, category: d.category });
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (e) {
      if (e instanceof AppError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        // this form's request id already made a case (its answer was lost) and the form has changed
        // since: the next tap is a new application with a new id, as the message says
        setDraftState((x) => ({ ...x, requestId: '' }));
        setFormError(
          '这张申请表之前已经提交过一次（可在“我的申请”查看），之后您改了内容，所以这次没有提交。如果要再申请一件，请核对后再点“提交申请”。',
        );
      } else if (e instanceof AppError && e.code === 'FILE_REJECTED') {
        setFieldErrors(e.fields);
        toFirstError(e.fields);
        const files = new Set(
          Object.keys(e.fields)
            .filter((k) => /^materials\.\d+/.test(k))
            .map((k) => k.split('.')[1]),
        );
        setFormError(
          files.size > 0
            ? `有${files.size}个文件不能提交，请看“相关材料”里标红的文件，删除后重新选择。`
            : describeError(e),
        );
      } else if (e instanceof AppError && Object.keys(e.fields).length > 0) {
        setFieldErrors(e.fields);
        toFirstError(e.fields);
        setFormError(e.code === 'INVALID_INPUT' ? '还有内容没有填好，请按红字提示修改。' : describeError(e));
      } else {
        setFormError(`${describeError(e)} 您填写的内容已保存，可以直接再点“提交申请”。`);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  if (done) {
    return (
      <View>
        <View className="card t-submitted">
          <View className="title">✓ 申请已提交</View>
          <View>
            申请编号：<Text className="strong t-case-no">{done.caseNo}</Text>
          </View>
          <View className="muted">工作人员会主动与您联系。可在“我的申请”里查看办理进度。</View>
        </View>
        <ActionButton
          className="t-go-case"
          onClick={() => Taro.redirectTo({ url: `${ROUTES.caseDetail}?id=${done.caseId}` })}
        >
          查看这条申请
        </ActionButton>
        <ActionButton
          kind="secondary"
          className="t-go-book"
          onClick={() =>
            Taro.redirectTo({ url: `${ROUTES.book}?caseId=${done.caseId}&category=${done.category ?? ''}` })
          }
        >
          {done.category === 'livelihood' ? '预约到中心办理或申请上门服务' : '预约到中心办理'}
        </ActionButton>
        <ActionButton kind="secondary" className="t-go-my" onClick={() => Taro.redirectTo({ url: ROUTES.my })}>
          查看我的申请
        </ActionButton>
        <ActionButton kind="secondary" className="t-apply-again" onClick={() => Taro.redirectTo({ url: ROUTES.apply })}>
          再申请一件（新的申请表）
        </ActionButton>
      </View>
    );
  }

  const d = draft;
  const shown = new Set(FIELD_ORDER);
  // FILE_REJECTED names each file by its place (materials.2) plus the problem codes (FILE_TYPE…):
  // the file's own row says what is wrong with it, once; the codes are not messages of their own
  const refused: Record<number, string> = {};
  for (const [k, text] of Object.entries(fieldErrors)) {
    const m = /^materials\.(\d+)(\.|$)/.exec(k);
    if (m && d.materials[Number(m[1])]) refused[Number(m[1])] ??= clause(text);
  }
  const otherErrors = Object.entries(fieldErrors).filter(
    ([k]) =>
      !shown.has(k) && !k.startsWith('materials.') && k !== 'mandate.signatureFileID' && !/^FILE_[A-Z_]+$/.test(k),
  );
  const materialError = Object.entries(fieldErrors).find(
    ([k]) => k === 'materials' || (k.startsWith('materials.') && !(Number(k.split('.')[1]) in refused)),
  )?.[1];
  // 长辈版 asks one question a screen, so the numbers give way to 第 N 步
  const n = (num: number, text: string) => (elder ? text : `${num}. ${text}`);
  // 长辈版 counts the steps of the most common application (a person, 民生) until she says
  // otherwise, so 共 N 步 does not jump after step 1; the steps are only reached once answered
  const category = d.category ?? (elder ? 'livelihood' : undefined);
  const applicantType = d.applicantType ?? (elder ? 'person' : undefined);
  const person = applicantType === 'person';

  // Every question, in the form's order; the normal form shows them all, 长辈版 one a step.
  const questions: Question[] = [
    {
      id: 'category',
      keys: ['category'],
      node: (
        <ChoiceGroup
          key="category"
          name="category"
          label={`${n(1, '要办理的事项属于哪一类')} *`}
          options={CATEGORIES}
          value={d.category}
          onChange={(v) => update('category', v)}
          error={fieldErrors.category}
        />
      ),
    },
    {
      id: 'applicantType',
      keys: ['applicantType'],
      node: (
        <ChoiceGroup
          key="applicantType"
          name="applicantType"
          label={`${n(2, elder ? '为谁申请' : '申请人')} *`}
          options={APPLICANT_TYPES}
          value={d.applicantType}
          onChange={(v) => update('applicantType', v)}
          error={fieldErrors.applicantType}
        />
      ),
    },
  ];
  if (applicantType) {
    questions.push({
      id: 'applicantName',
      keys: ['applicantName'],
      node: (
        <TextField
          key="applicantName"
          name="applicantName"
          label={n(3, person ? '申请人姓名 *' : '企业名称 *')}
          value={d.applicantName}
          error={fieldErrors.applicantName}
          maxlength={60}
          placeholder={person ? '请填写姓名' : '请填写企业全称（或拟用名称）'}
          onInput={(v) => update('applicantName', v)}
        />
      ),
    });
    questions.push(
      person
        ? {
            id: 'idNumber',
            keys: ['idNumber'],
            node: (
              <TextField
                key="idNumber"
                name="idNumber"
                label={n(4, '身份证号 *')}
                hint="18位，最后一位可能是X。"
                type="idcard"
                value={d.idNumber}
                error={fieldErrors.idNumber}
                maxlength={18}
                placeholder="请填写身份证号"
                onInput={(v) => update('idNumber', v)}
              />
            ),
          }
        : {
            id: 'uscc',
            keys: ['uscc'],
            node: (
              <TextField
                key="uscc"
                name="uscc"
                label={n(4, '统一社会信用代码 *')}
                hint="营业执照上的18位代码；新办企业可填经办企业或投资主体的代码。"
                value={d.uscc}
                error={fieldErrors.uscc}
                maxlength={18}
                placeholder="请填写18位代码"
                onInput={(v) => update('uscc', v.toUpperCase())}
              />
            ),
          },
    );
  }
  if (category === 'livelihood') {
    questions.push({
      id: 'specialGroups',
      keys: ['details.specialGroups'],
      node: (
        <CheckGroup
          key="specialGroups"
          name="specialGroups"
          label={n(5, '您的情况（可多选）')}
          options={SPECIAL_GROUPS.map((g) => ({ value: g, label: SPECIAL_GROUP_LABELS[g] }))}
          value={d.specialGroups}
          onChange={(v) => update('specialGroups', v, 'details.specialGroups')}
          error={fieldErrors['details.specialGroups']}
        />
      ),
    });
    questions.push({
      id: 'publicService',
      keys: ['details.livelihoodPublicService'],
      node: (
        <ChoiceGroup
          key="publicService"
          name="publicService"
          label={n(6, '要办的是养老、社保、医保、救助、补贴等民生保障事项吗 *')}
          options={YES_NO}
          value={d.publicService}
          onChange={(v) => update('publicService', v, 'details.livelihoodPublicService')}
          error={fieldErrors['details.livelihoodPublicService']}
        />
      ),
    });
  }
  if (d.category === 'enterprise') {
    questions.push({
      id: 'enterpriseMatter',
      keys: ['details.enterpriseMatter'],
      node: (
        <ChoiceGroup
          key="enterpriseMatter"
          name="enterpriseMatter"
          label={n(5, '企业事项 *')}
          options={ENTERPRISE_MATTERS.map((m) => ({ value: m, label: ENTERPRISE_MATTER_LABELS[m], description: '' }))}
          value={d.enterpriseMatter}
          onChange={(v) => update('enterpriseMatter', v, 'details.enterpriseMatter')}
          error={fieldErrors['details.enterpriseMatter']}
        />
      ),
    });
    if (d.enterpriseMatter === 'change')
      questions.push({
        id: 'newlyRegistered',
        keys: [],
        node: (
          <ChoiceGroup
            key="newlyRegistered"
            name="newlyRegistered"
            label={n(6, '是新注册的企业吗')}
            options={YES_NO}
            value={d.newlyRegistered}
            onChange={(v) => update('newlyRegistered', v)}
          />
        ),
      });
    if (d.enterpriseMatter === 'social_insurance' || d.enterpriseMatter === 'tax')
      questions.push({
        id: 'related',
        keys: [],
        node: (
          <ChoiceGroup
            key="related"
            name="related"
            label={n(6, '是为企业设立、变更或食品经营许可配套办理的吗')}
            options={YES_NO}
            value={d.related}
            onChange={(v) => update('related', v)}
          />
        ),
      });
  }
  if (d.category === 'investment' || d.category === 'major') {
    questions.push({
      id: 'projectName',
      keys: ['details.projectName'],
      node: (
        <TextField
          key="projectName"
          name="details.projectName"
          label={n(5, '项目名称 *')}
          value={d.projectName}
          error={fieldErrors['details.projectName']}
          maxlength={100}
          placeholder="请填写项目名称"
          onInput={(v) => update('projectName', v, 'details.projectName')}
        />
      ),
    });
  }
  if (d.category === 'investment') {
    questions.push({
      id: 'investmentWan',
      keys: ['details.investmentWan'],
      node: (
        <TextField
          key="investmentWan"
          name="details.investmentWan"
          label={n(6, '总投资（万元）*')}
          hint="例如 1200 万元就填 1200。500 万元以上（含）的项目才能申请。"
          type="digit"
          value={d.investmentWan}
          error={fieldErrors['details.investmentWan']}
          maxlength={12}
          placeholder="只填数字"
          onInput={(v) => update('investmentWan', v, 'details.investmentWan')}
        />
      ),
    });
    questions.push({
      id: 'approvalLevel',
      keys: ['details.approvalLevel'],
      node: (
        <ChoiceGroup
          key="approvalLevel"
          name="approvalLevel"
          label={n(7, '项目由哪一级审批 *')}
          options={APPROVAL_CHOICES}
          value={d.approvalLevel}
          onChange={(v) => update('approvalLevel', v, 'details.approvalLevel')}
          error={fieldErrors['details.approvalLevel']}
        />
      ),
    });
    questions.push({
      id: 'fitsPolicy',
      keys: ['details.fitsIndustrialPolicy'],
      node: (
        <ChoiceGroup
          key="fitsPolicy"
          name="fitsPolicy"
          label={n(8, '项目符合国家、自治区、自治州的产业政策吗 *')}
          options={YES_NO}
          value={d.fitsPolicy}
          onChange={(v) => update('fitsPolicy', v, 'details.fitsIndustrialPolicy')}
          error={fieldErrors['details.fitsIndustrialPolicy']}
        />
      ),
    });
    questions.push({
      id: 'excludedKinds',
      keys: [],
      node: (
        <CheckGroup
          key="excludedKinds"
          name="excludedKinds"
          label={n(9, '项目属于下面哪一种吗（都不是就不选）')}
          options={EXCLUDED_PROJECT_KINDS.map((k) => ({ value: k, label: EXCLUDED_PROJECT_KIND_LABELS[k] }))}
          value={d.excludedKinds ?? []}
          onChange={(v) => update('excludedKinds', v)}
        />
      ),
    });
  }
  if (d.category === 'major') {
    questions.push({
      id: 'annualPlans',
      keys: [],
      node: (
        <CheckGroup
          key="annualPlans"
          name="annualPlans"
          label={n(6, '列入了哪一级重大项目年度计划（可多选，没有可不选）')}
          options={MAJOR_PLAN_LEVELS.map((p) => ({ value: p, label: `${MAJOR_PLAN_LEVEL_LABELS[p]}重大项目计划` }))}
          value={d.annualPlans}
          onChange={(v) => update('annualPlans', v)}
        />
      ),
    });
    questions.push({
      id: 'keySupervised',
      keys: [],
      node: (
        <ChoiceGroup
          key="keySupervised"
          name="keySupervised"
          label={n(7, '是县委、县政府重点督办的项目吗')}
          options={YES_NO}
          value={d.keySupervised}
          onChange={(v) => update('keySupervised', v)}
        />
      ),
    });
    questions.push({
      id: 'designated',
      keys: [],
      node: (
        <ChoiceGroup
          key="designated"
          name="designated"
          label={n(8, '是县政府指定必须帮办代办的项目吗')}
          options={YES_NO}
          value={d.designated}
          onChange={(v) => update('designated', v)}
        />
      ),
    });
  }
  questions.push(
    {
      id: 'matter',
      keys: ['matter'],
      node: (
        <View key="matter" className={`field${fieldErrors.matter ? ' field--invalid' : ''}`}>
          <View className="field__label">您要办什么事，需要什么帮助 *</View>
          <View className="field__hint">用几句话说清楚，例如：“给母亲办理高龄津贴，她行动不便”。</View>
          <Textarea
            className="textarea t-matter"
            value={d.matter}
            maxlength={MATTER_MAX_LENGTH}
            placeholder="请填写要办理的事情"
            aria-label="您要办什么事"
            onInput={(e) => update('matter', String(e.detail?.value ?? ''))}
          />
          <View className="counter">
            {d.matter.length}/{MATTER_MAX_LENGTH} 字
          </View>
          <FieldError name="matter" text={fieldErrors.matter} />
          {/* the center's 材料清单 for the matter named, and every matter's one tap away */}
          <MatterMaterials matter={d.matter} browse />
        </View>
      ),
    },
    {
      id: 'contactName',
      keys: ['contactName'],
      node: (
        <TextField
          key="contactName"
          name="contactName"
          hook="t-contact-name"
          label="联系人姓名 *"
          hint={elder && person ? '工作人员会联系这个人。家人帮您办的，可以填家人的姓名。' : undefined}
          value={d.contactName}
          error={fieldErrors.contactName}
          maxlength={20}
          placeholder="请填写姓名"
          onInput={(v) => update('contactName', v)}
        />
      ),
    },
    {
      id: 'contactPhone',
      keys: ['contactPhone'],
      node: (
        <TextField
          key="contactPhone"
          name="contactPhone"
          hook="t-contact-phone"
          label="联系电话 *"
          hint="手机号，或带区号的固定电话（如 0996-5012345）。"
          type="text"
          value={d.contactPhone}
          error={fieldErrors.contactPhone}
          maxlength={20}
          placeholder="手机号或带区号的固定电话"
          onInput={(v) => update('contactPhone', v)}
        />
      ),
    },
    {
      id: 'mode',
      keys: ['mode'],
      node: (
        <ChoiceGroup
          key="mode"
          name="mode"
          label="需要哪种服务 *"
          options={SERVICE_MODES}
          value={d.mode}
          onChange={(v) => update('mode', v)}
          error={fieldErrors.mode}
        />
      ),
    },
  );
  if (d.mode === 'proxy') {
    questions.push({
      id: 'mandate',
      keys: ['mandate', 'mandate.signatureFileID'],
      node: (
        <View key="mandate" className="card t-mandate">
          <View className="card__title">代办服务委托书</View>
          <View className="mandate__text t-mandate-text">{mandateText(d)}</View>
          <SignaturePad
            name="mandate"
            label="委托人签名 *"
            hint="请用手指在方框内写下您的姓名，然后点“确认签名”。"
            signed={!!d.signatureFileID}
            error={fieldErrors.mandate || fieldErrors['mandate.signatureFileID']}
            onSigned={(id) => update('signatureFileID', id, 'mandate')}
            onReset={() => update('signatureFileID', '', 'mandate')}
          />
        </View>
      ),
    });
  }
  questions.push({
    id: 'materials',
    keys: ['materials'],
    node: (
      <MaterialsPicker
        key="materials"
        name="materials"
        label="相关材料（可选）"
        hint="可以拍照上传身份证、营业执照等，也可上传 PDF。照片不超过 5 MB，PDF 不超过 10 MB，最多 20 个。没有也可以先提交，工作人员会告诉您还需要什么。"
        files={d.materials}
        onChange={(f) => {
          update('materials', f);
          setFieldErrors((e) =>
            Object.fromEntries(
              Object.entries(e).filter(([k]) => !k.startsWith('materials') && !/^FILE_[A-Z_]+$/.test(k)),
            ),
          );
        }}
        error={materialError}
        refused={refused}
      />
    ),
  });
  if (d.category === 'enterprise') {
    questions.push({
      id: 'commitment',
      keys: [],
      node: (
        <View
          key="commitment"
          className={`choice${d.commitment ? ' choice--on' : ''} t-commitment`}
          {...a11yRole('checkbox')}
          aria-checked={d.commitment ? 'true' : 'false'}
          onClick={() => update('commitment', !d.commitment)}
        >
          <View className="choice__mark" aria-hidden="true">
            {d.commitment ? '☑' : '☐'}
          </View>
          <View className="choice__body">
            <View className="choice__label">告知承诺（可选）{d.commitment ? '（已选）' : ''}</View>
            <View className="choice__desc">
              适用告知承诺制的事项，我承诺所填信息真实、符合条件，可先行办理，缺少的材料按承诺期限补交。
            </View>
          </View>
        </View>
      ),
    });
  }

  const errorsBlock = (
    <View>
      {otherErrors.map(([k, text]) => (
        <FieldError key={k} name={k} text={text} />
      ))}
      {formError ? (
        <View className="form-error t-form-error" {...a11yRole('alert')}>
          ⚠ {formError}
        </View>
      ) : null}
    </View>
  );
  const subscribeNote = (
    <SubscribeNote>
      提交时微信会问您是否接收通知：用于告诉您受理结果、办理进度和办结情况。不接收也不影响办理。
    </SubscribeNote>
  );

  if (elder) {
    // the last step reads the answers back before sending; each row leads back to its question
    const steps = [...questions, { id: 'review', keys: [], node: null }];
    const at = Math.max(
      0,
      steps.findIndex((q) => q.id === d.step),
    );
    const current = steps[at];
    const go = (id: string) => {
      setDraftState((x) => ({ ...x, step: id }));
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    };
    const next = () => {
      if (current.id === 'review') return submit(steps);
      // the same checks as the whole form, for this question only; the server checks all again
      const errors = Object.fromEntries(Object.entries(validateDraft(d)).filter(([k]) => owns(current, k)));
      if (Object.keys(errors).length > 0) {
        setFieldErrors((e) => ({ ...e, ...errors }));
        return;
      }
      setFormError('');
      // most people apply for themselves: the contact starts as the applicant, and can be changed
      if (current.id === 'applicantName' && person && !d.contactName.trim())
        setDraftState((x) => ({ ...x, contactName: x.applicantName.trim() }));
      go(steps[at + 1].id);
    };
    return (
      <StepFrame
        index={at}
        total={steps.length}
        onBack={() => go(steps[at - 1].id)}
        onNext={next}
        submitLabel="提交申请"
        submitClass="t-submit"
        busy={submitting}
      >
        {at === 0 ? (
          <View className="muted field">
            全程免费、自愿。一步只问一件事，填到一半离开也没关系，内容会自动保存在手机上。
          </View>
        ) : null}
        {current.id === 'review' ? (
          <View className="card t-review">
            <View className="card__title">请核对您填写的内容</View>
            {reviewRows(d).map(([id, label, value]) => (
              <View key={id} className={`review-row t-review-${id}`} {...a11yRole('button')} onClick={() => go(id)}>
                <View className="review-row__label">{label}</View>
                <View className="review-row__value">{value}</View>
                <View className="review-row__edit">修改 ›</View>
              </View>
            ))}
            <View className="muted">您的信息只用于本次帮办代办，按《用户隐私保护指引》保护。</View>
          </View>
        ) : (
          current.node
        )}
        {errorsBlock}
        {current.id === 'review' ? subscribeNote : null}
      </StepFrame>
    );
  }

  return (
    <View>
      <View className="muted field">全程免费、自愿。带“*”的都要填。填到一半离开也没关系，内容会自动保存在手机上。</View>
      {questions.map((q) => q.node)}
      <View className="muted">您的信息只用于本次帮办代办，按《用户隐私保护指引》保护。</View>
      {errorsBlock}
      {subscribeNote}
      <ActionButton className="t-submit" disabled={submitting} onClick={() => submit()}>
        {submitting ? '正在提交…' : '提交申请'}
      </ActionButton>
    </View>
  );
}

export default function Apply() {
  return (
    <PageShell>
      <View className="title">帮办代办申请表</View>
      <PrivacyGate purpose="填写申请表">
        <ApplyForm />
      </PrivacyGate>
    </PageShell>
  );
}
