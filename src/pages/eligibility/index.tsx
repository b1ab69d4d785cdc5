import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { assessApplication, eligibilityFactsOf, EXCLUDED_PROJECT_KIND_LABELS, EXCLUDED_PROJECT_KINDS, ENTERPRISE_MATTER_LABELS, ENTERPRISE_MATTERS, MAJOR_PLAN_LEVEL_LABELS, MAJOR_PLAN_LEVELS, SPECIAL_GROUP_LABELS, SPECIAL_GROUPS, type ApprovalLevel, type EligibilityDecision, type EligibilityFacts, type EnterpriseMatter, type ExcludedProjectKind, type MajorPlanLevel, type ScopeApplication, type SpecialGroup } from '../../../core/eligibility'
import ActionButton from '../../components/ActionButton'
import CheckGroup from '../../components/CheckGroup'
import ChoiceGroup from '../../components/ChoiceGroup'
import FieldError from '../../components/FieldError'
import PageShell from '../../components/PageShell'
import { APPLICANT_TYPES, CATEGORIES, type ApplicantType, type Category } from '../../constants/categories'
import { CENTER_HOTLINE } from '../../constants/center'
import { ROUTES } from '../../constants/routes'
import { a11yRole } from '../../utils/a11y'

const YES_NO = [
  { value: 'yes', label: '是', description: '' },
  { value: 'no', label: '不是', description: '' },
]
const APPROVAL = [
  { value: 'county', label: '县级部门', description: '和硕县的部门审批或备案' },
  { value: 'prefecture', label: '自治州', description: '' },
  { value: 'region', label: '自治区', description: '' },
  { value: 'national', label: '国家部委', description: '' },
]

/** Where to go instead, for each kind of refusal. */
const ELSEWHERE: Record<string, string> = {
  '§三(一)': '普通民生事项可直接到政务服务中心对应窗口办理，窗口工作人员会指导您。',
  '§三(二)': '其他企业事项可到政务服务中心市场监管、税务、社保窗口直接办理，或通过“新疆政务服务网”在线办理。',
  '§三(三)': '不在范围内的投资项目，可向项目所属行业主管部门或县发展和改革委员会咨询审批流程。',
  '§三(四)': '未列入重大项目计划的，可按投资项目（500万元以上）申请，或到县发展和改革委员会咨询。',
  '§三': '请到政务服务中心综合咨询窗口或拨打热线咨询。',
}

export interface Answers {
  category?: Category
  applicantType?: ApplicantType
  specialGroups: string[]
  publicService?: string
  enterpriseMatter?: string
  newlyRegistered?: string
  related?: string
  investmentWan: string
  approvalLevel?: string
  fitsPolicy?: string
  excludedKinds: string[]
  annualPlans: string[]
  keySupervised?: string
  designated?: string
}

/**
 * The answers as the application form sends them (core ScopeAnswers), or the first question still
 * open (said in words). The verdict is core assessApplication: the function cases.submit applies to
 * the same answers, so the self-check and the server agree (issue 15).
 */
export function toApplication(a: Answers): { application: ScopeApplication } | { missing: [string, string] } {
  if (!a.category) return { missing: ['category', '请选择要办的事属于哪一类'] }
  if (!a.applicantType) return { missing: ['applicantType', '请选择您是个人还是企业'] }
  const base = { category: a.category, applicantType: a.applicantType }
  switch (a.category) {
    case 'livelihood':
      if (!a.publicService) return { missing: ['publicService', '请回答是否为民生保障类事项'] }
      return { application: { ...base, details: { specialGroups: a.specialGroups as SpecialGroup[], livelihoodPublicService: a.publicService === 'yes' } } }
    case 'enterprise':
      if (!a.enterpriseMatter) return { missing: ['enterpriseMatter', '请选择企业要办的事项'] }
      return { application: { ...base, details: { enterpriseMatter: a.enterpriseMatter as EnterpriseMatter, newlyRegistered: a.newlyRegistered === 'yes', relatedToCoveredMatter: a.related === 'yes' } } }
    case 'investment': {
      const wan = Number(a.investmentWan)
      if (!a.investmentWan.trim() || !Number.isFinite(wan) || wan < 0) return { missing: ['investmentWan', '请填写总投资（万元，只填数字）'] }
      if (!a.approvalLevel) return { missing: ['approvalLevel', '请选择由哪一级审批'] }
      if (!a.fitsPolicy) return { missing: ['fitsPolicy', '请回答是否符合产业政策'] }
      return { application: { ...base, details: { investmentWan: wan, approvalLevel: a.approvalLevel as ApprovalLevel, fitsIndustrialPolicy: a.fitsPolicy === 'yes', excludedKinds: a.excludedKinds as ExcludedProjectKind[] } } }
    }
    case 'major':
      return { application: { ...base, details: { annualPlans: a.annualPlans as MajorPlanLevel[], keySupervised: a.keySupervised === 'yes', designatedByCountyGovernment: a.designated === 'yes' } } }
  }
}

/** The answers as the core's facts, or the first question still open. */
export function toFacts(a: Answers): { facts: EligibilityFacts } | { missing: [string, string] } {
  const r = toApplication(a)
  return 'missing' in r ? r : { facts: eligibilityFactsOf(r.application) }
}

export default function Eligibility() {
  const [a, setA] = useState<Answers>({ specialGroups: [], investmentWan: '', excludedKinds: [], annualPlans: [] })
  const [result, setResult] = useState<EligibilityDecision | null>(null)
  const [missing, setMissing] = useState<[string, string] | null>(null)
  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => {
    setA((x) => ({ ...x, [k]: v }))
    setResult(null)
    setMissing(null)
  }
  const check = () => {
    const r = toApplication(a)
    if ('missing' in r) {
      setMissing(r.missing)
      return
    }
    setResult(assessApplication(r.application))
  }
  // scrolled to once it is on screen: asked for in the tap, the result did not exist yet and the
  // page jumped to the top instead
  useEffect(() => {
    if (!result) return
    Taro.nextTick(() => {
      Taro.pageScrollTo({ selector: '.t-result', duration: 0 }).catch(() => undefined)
    })
  }, [result])
  const err = (k: string) => (missing && missing[0] === k ? missing[1] : undefined)

  return (
    <PageShell>
      <View className='title'>看看能不能申请帮办代办</View>
      <View className='muted field'>回答几个问题，马上知道结果。这里不收集任何个人信息。</View>
      <ChoiceGroup name='category' label='1. 您要办的事属于哪一类' options={CATEGORIES} value={a.category} onChange={(v) => set('category', v)} error={err('category')} />
      <ChoiceGroup name='applicantType' label='2. 您是' options={APPLICANT_TYPES} value={a.applicantType} onChange={(v) => set('applicantType', v)} error={err('applicantType')} />
      {a.category === 'livelihood' ? (
        <View>
          <CheckGroup name='specialGroups' label='3. 您（或您要帮的人）的情况（可多选，都不是就不选）' options={SPECIAL_GROUPS.map((g) => ({ value: g, label: SPECIAL_GROUP_LABELS[g] }))} value={a.specialGroups} onChange={(v) => set('specialGroups', v)} />
          <ChoiceGroup name='publicService' label='4. 要办的是养老、社保、医保、救助、补贴等民生保障事项吗' options={YES_NO} value={a.publicService} onChange={(v) => set('publicService', v)} error={err('publicService')} />
        </View>
      ) : null}
      {a.category === 'enterprise' ? (
        <View>
          <ChoiceGroup name='enterpriseMatter' label='3. 企业要办的事项' options={ENTERPRISE_MATTERS.map((m) => ({ value: m, label: ENTERPRISE_MATTER_LABELS[m], description: '' }))} value={a.enterpriseMatter} onChange={(v) => set('enterpriseMatter', v)} error={err('enterpriseMatter')} />
          {a.enterpriseMatter === 'change' ? <ChoiceGroup name='newlyRegistered' label='4. 是新注册的企业吗' options={YES_NO} value={a.newlyRegistered} onChange={(v) => set('newlyRegistered', v)} /> : null}
          {a.enterpriseMatter === 'social_insurance' || a.enterpriseMatter === 'tax' ? <ChoiceGroup name='related' label='4. 是为企业设立、变更或食品经营许可配套办理的吗' options={YES_NO} value={a.related} onChange={(v) => set('related', v)} /> : null}
        </View>
      ) : null}
      {a.category === 'investment' ? (
        <View>
          <View className={`field${err('investmentWan') ? ' field--invalid' : ''}`}>
            <View className='field__label'>3. 项目总投资（万元）</View>
            <View className='field__hint'>例如 1200 万元就填 1200。</View>
            <Input className='input t-investmentWan' type='digit' value={a.investmentWan} maxlength={12} placeholder='只填数字' aria-label='项目总投资（万元）' onInput={(e) => set('investmentWan', e.detail.value)} />
            <FieldError name='investmentWan' text={err('investmentWan')} />
          </View>
          <ChoiceGroup name='approvalLevel' label='4. 项目由哪一级审批或备案' options={APPROVAL} value={a.approvalLevel} onChange={(v) => set('approvalLevel', v)} error={err('approvalLevel')} />
          <ChoiceGroup name='fitsPolicy' label='5. 项目符合国家、自治区、自治州的产业政策吗' options={YES_NO} value={a.fitsPolicy} onChange={(v) => set('fitsPolicy', v)} error={err('fitsPolicy')} />
          <CheckGroup name='excludedKinds' label='6. 项目属于下面哪一种吗（都不是就不选）' options={EXCLUDED_PROJECT_KINDS.map((k) => ({ value: k, label: EXCLUDED_PROJECT_KIND_LABELS[k] }))} value={a.excludedKinds} onChange={(v) => set('excludedKinds', v)} />
        </View>
      ) : null}
      {a.category === 'major' ? (
        <View>
          <CheckGroup name='annualPlans' label='3. 项目列入了哪一级重大项目年度投资计划（都没有就不选）' options={MAJOR_PLAN_LEVELS.map((p) => ({ value: p, label: `${MAJOR_PLAN_LEVEL_LABELS[p]}重大项目计划` }))} value={a.annualPlans} onChange={(v) => set('annualPlans', v)} />
          <ChoiceGroup name='keySupervised' label='4. 是县委、县政府重点督办的项目吗' options={YES_NO} value={a.keySupervised} onChange={(v) => set('keySupervised', v)} />
          <ChoiceGroup name='designated' label='5. 是县政府指定必须帮办代办的项目吗' options={YES_NO} value={a.designated} onChange={(v) => set('designated', v)} />
        </View>
      ) : null}
      <ActionButton className='t-check' onClick={check}>
        看结果
      </ActionButton>
      {result ? (
        result.eligible ? (
          <View className='card result result--ok t-result t-result-ok' {...a11yRole('status')}>
            <View className='card__title'>✓ 可以申请，我们可以帮您</View>
            {/* the category in words; the rulebook's paragraph number (§三(一)) means nothing to a citizen */}
            <View className='t-result-scope'>您的事项属于帮办代办范围中的“{CATEGORIES.find((x) => x.value === result.category)?.label ?? '帮办代办事项'}”。服务免费，可选帮办或代办。</View>
            <ActionButton className='t-go-apply' onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
              填写申请表
            </ActionButton>
          </View>
        ) : (
          <View className='card result result--no t-result t-result-no' {...a11yRole('status')}>
            <View className='card__title'>✗ 这件事暂时不能申请帮办代办，原因如下：</View>
            {result.reasons.map((r, i) => (
              <View key={r.code} className={`reason t-reason t-reason-${r.code}`}>
                {i + 1}. {r.message}
              </View>
            ))}
            <View className='card__title'>可以去哪里办</View>
            {[...new Set(result.reasons.map((r) => ELSEWHERE[r.clause] ?? ELSEWHERE['§三']))].map((t) => (
              <View key={t} className='muted'>
                {t}
              </View>
            ))}
            <View className='muted'>有疑问请拨打政务服务中心热线 {CENTER_HOTLINE}。</View>
          </View>
        )
      ) : null}
    </PageShell>
  )
}
