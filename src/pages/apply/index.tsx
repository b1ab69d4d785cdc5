import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../components/ActionButton'
import ChoiceGroup from '../../components/ChoiceGroup'
import FieldError from '../../components/FieldError'
import PageShell from '../../components/PageShell'
import {
  APPLICANT_TYPES,
  CATEGORIES,
  MATTER_MAX_LENGTH,
  SERVICE_MODES,
  type ApplicantType,
  type Category,
  type ServiceMode,
} from '../../constants/categories'
import { ROUTES } from '../../constants/routes'
import { describeError } from '../../services/errors'
import { AppError, type FieldErrors } from '../../services/result'
import { submitApplication, type SubmittedApplication } from '../../services/submitApplication'

interface Draft {
  category?: Category
  applicantType?: ApplicantType
  mode?: ServiceMode
  matter: string
  contactName: string
  contactPhone: string
}

/**
 * Only the choices are checked here (nothing to send without them); every other rule is
 * the server's, and its INVALID_INPUT `fields` come back as the same inline errors.
 */
function missingChoices(d: Draft): FieldErrors {
  const errors: FieldErrors = {}
  if (!d.category) errors.category = '请选择要办理的事项类别'
  if (!d.applicantType) errors.applicantType = '请选择申请人类型'
  if (!d.mode) errors.mode = '请选择帮办或代办'
  return errors
}

export default function Apply() {
  const [draft, setDraft] = useState<Draft>({ matter: '', contactName: '', contactPhone: '' })
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState<SubmittedApplication | null>(null)

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    // Editing a field answers its error; keep the others until the next submit.
    setFieldErrors((e) => {
      if (!(key in e)) return e
      const next = { ...e }
      delete next[key]
      return next
    })
  }

  const submit = async () => {
    if (submitting) return
    const missing = missingChoices(draft)
    if (Object.keys(missing).length > 0 || !draft.category || !draft.applicantType || !draft.mode) {
      setFieldErrors(missing)
      setFormError('还有内容没有填好，请按红字提示修改。')
      return
    }
    setSubmitting(true)
    setFormError('')
    setFieldErrors({})
    try {
      const result = await submitApplication({
        category: draft.category,
        applicantType: draft.applicantType,
        mode: draft.mode,
        matter: draft.matter.trim(),
        contactName: draft.contactName.trim(),
        contactPhone: draft.contactPhone.trim(),
      })
      setDone(result)
      // The confirmation replaces a long form; start it at the top where it can be read.
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (e) {
      if (e instanceof AppError && Object.keys(e.fields).length > 0) {
        setFieldErrors(e.fields)
        setFormError('还有内容没有填好，请按红字提示修改。')
      } else {
        setFormError(describeError(e))
      }
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <PageShell>
        <View className='card t-submitted'>
          <View className='title'>✓ 申请已提交</View>
          <View>
            申请编号：<Text className='strong t-case-no'>{done.caseNo}</Text>
          </View>
          <View className='muted'>工作人员会主动与您联系。可在“我的申请”里查看办理进度。</View>
        </View>
        <ActionButton className='t-go-my' onClick={() => Taro.redirectTo({ url: ROUTES.my })}>
          查看我的申请
        </ActionButton>
      </PageShell>
    )
  }

  // Errors the server reports for fields this form does not show still need to be read.
  const shownFields = ['category', 'applicantType', 'mode', 'matter', 'contactName', 'contactPhone']
  const otherErrors = Object.entries(fieldErrors).filter(([k]) => !shownFields.includes(k))

  return (
    <PageShell>
      <View className='title'>申请帮办代办</View>
      <View className='muted field'>全程免费。请如实填写，工作人员会尽快与您联系。</View>

      <ChoiceGroup
        name='category'
        label='1. 要办理的事项属于哪一类'
        options={CATEGORIES}
        value={draft.category}
        onChange={(v) => update('category', v)}
        error={fieldErrors.category}
      />
      <ChoiceGroup
        name='applicantType'
        label='2. 申请人'
        options={APPLICANT_TYPES}
        value={draft.applicantType}
        onChange={(v) => update('applicantType', v)}
        error={fieldErrors.applicantType}
      />
      <ChoiceGroup
        name='mode'
        label='3. 需要哪种服务'
        options={SERVICE_MODES}
        value={draft.mode}
        onChange={(v) => update('mode', v)}
        error={fieldErrors.mode}
      />

      <View className={`field${fieldErrors.matter ? ' field--invalid' : ''}`}>
        <View className='field__label'>4. 您要办什么事</View>
        <View className='field__hint'>用几句话说清楚，例如：“给母亲办理高龄津贴，她行动不便”。</View>
        <Textarea
          className='textarea t-matter'
          value={draft.matter}
          maxlength={MATTER_MAX_LENGTH}
          placeholder='请填写要办理的事情'
          onInput={(e) => update('matter', e.detail.value)}
        />
        <View className='counter'>
          {draft.matter.length}/{MATTER_MAX_LENGTH} 字
        </View>
        <FieldError name='matter' text={fieldErrors.matter} />
      </View>

      <View className={`field${fieldErrors.contactName ? ' field--invalid' : ''}`}>
        <View className='field__label'>5. 联系人姓名</View>
        <Input
          className='input t-contact-name'
          value={draft.contactName}
          maxlength={20}
          placeholder='请填写姓名'
          onInput={(e) => update('contactName', e.detail.value)}
        />
        <FieldError name='contactName' text={fieldErrors.contactName} />
      </View>

      <View className={`field${fieldErrors.contactPhone ? ' field--invalid' : ''}`}>
        <View className='field__label'>6. 联系电话</View>
        <Input
          className='input t-contact-phone'
          type='number'
          value={draft.contactPhone}
          maxlength={20}
          placeholder='请填写手机号码'
          onInput={(e) => update('contactPhone', e.detail.value)}
        />
        <FieldError name='contactPhone' text={fieldErrors.contactPhone} />
      </View>

      <View className='muted'>您的姓名和电话只用于本次帮办代办与您联系。</View>

      {otherErrors.map(([k, text]) => (
        <FieldError key={k} name={k} text={text} />
      ))}
      {formError ? (
        <View className='form-error t-form-error' role='alert'>
          ⚠ {formError}
        </View>
      ) : null}

      <ActionButton className='t-submit' disabled={submitting} onClick={submit}>
        {submitting ? '正在提交…' : '提交申请'}
      </ActionButton>
    </PageShell>
  )
}
