import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { assessApplication } from '../../../core/eligibility';
import ActionButton from '../../components/ActionButton';
import FieldError from '../../components/FieldError';
import PageShell from '../../components/PageShell';
import PrivacyGate from '../../components/PrivacyGate';
import StepFrame from '../../components/StepFrame';
import SubscribeNote from '../../components/SubscribeNote';
import type { Category } from '../../constants/categories';
import { useAsync } from '../../hooks/useAsync';
import { useDraft } from '../../hooks/useDraft';
import { useElderMode } from '../../hooks/useElderMode';
import { useLang } from '../../i18n';
import { describeError } from '../../services/errors';
import { getSubscribeTemplates } from '../../services/applicant';
import { AppError, type FieldErrors } from '../../services/result';
import { submitApplication, type SubmittedApplication } from '../../services/cases';
import { askToSubscribe } from '../../services/notify';
import { clause } from '../../utils/format';
import { a11yRole } from '../../utils/a11y';
import {
  applicationDetails,
  DRAFT_KEY,
  EMPTY,
  FIELD_ORDER,
  localizeFields,
  mandateText,
  newRequestId,
  validateDraft,
  type Draft,
} from './draft';
import { owns, reviewRows, type Question } from './fields';
import { buildQuestions } from './questions';
import Submitted from './Submitted';

export { applicationDetails, DRAFT_KEY, mandateText, validateDraft, type Draft } from './draft';

function ApplyForm() {
  const [draft, setDraftState, clearDraft] = useDraft<Draft>(DRAFT_KEY, EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<(SubmittedApplication & { category?: Category }) | null>(null);
  const inFlight = useRef(false);
  const templates = useAsync(getSubscribeTemplates);
  const [elder] = useElderMode();
  const { t, lang } = useLang();

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
    const errors = validateDraft(draft, lang);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setFormError(t('apply.err.count', { n: Object.keys(errors).length }));
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
      setFieldErrors(Object.fromEntries(scope.reasons.map((r) => [r.code, t(`reason.${r.code}`)])));
      setFormError(t('apply.err.scope'));
      return;
    }
    inFlight.current = true;
    // asked inside the tap, before anything else waits (WeChat only allows it from a tap)
    const tpl = templates.status === 'ok' ? templates.data : null;
    const asking = askToSubscribe([tpl?.acceptResult, tpl?.progress, tpl?.finished].filter((x): x is string => !!x));
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
        setFormError(t('apply.err.reused'));
      } else if (e instanceof AppError && e.code === 'FILE_REJECTED') {
        setFieldErrors(localizeFields(e.fields, lang));
        toFirstError(e.fields);
        const files = new Set(
          Object.keys(e.fields)
            .filter((k) => /^materials\.\d+/.test(k))
            .map((k) => k.split('.')[1]),
        );
        setFormError(files.size > 0 ? t('apply.err.files', { n: files.size }) : describeError(e, lang));
      } else if (e instanceof AppError && Object.keys(e.fields).length > 0) {
        setFieldErrors(localizeFields(e.fields, lang));
        toFirstError(e.fields);
        setFormError(e.code === 'INVALID_INPUT' ? t('apply.err.invalid') : describeError(e, lang));
      } else {
        setFormError(t('apply.err.saved', { error: describeError(e, lang) }));
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  if (done) return <Submitted done={done} />;

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
  const questions = buildQuestions({
    d,
    elder,
    t,
    lang,
    fieldErrors,
    update,
    materialError,
    refused,
    clearMaterialErrors: () =>
      setFieldErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('materials') && !/^FILE_[A-Z_]+$/.test(k))),
      ),
  });
  const person = (d.applicantType ?? (elder ? 'person' : undefined)) === 'person';

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
  const subscribeNote = <SubscribeNote>{t('apply.subscribe')}</SubscribeNote>;

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
      const errors = Object.fromEntries(Object.entries(validateDraft(d, lang)).filter(([k]) => owns(current, k)));
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
        submitLabel={t('apply.submit')}
        submitClass="t-submit"
        busy={submitting}
      >
        {at === 0 ? <View className="muted field">{t('apply.intro.elder')}</View> : null}
        {current.id === 'review' ? (
          <View className="card t-review">
            <View className="card__title">{t('apply.review.title')}</View>
            {reviewRows(d, t, lang).map(([id, label, value]) => (
              <View key={id} className={`review-row t-review-${id}`} {...a11yRole('button')} onClick={() => go(id)}>
                <View className="review-row__label">{label}</View>
                <View className="review-row__value">{value}</View>
                <View className="review-row__edit">{t('apply.review.edit')}</View>
              </View>
            ))}
            <View className="muted">{t('apply.privacyNote')}</View>
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
      <View className="muted field">{t('apply.intro')}</View>
      {questions.map((q) => q.node)}
      <View className="muted">{t('apply.privacyNote')}</View>
      {errorsBlock}
      {subscribeNote}
      <ActionButton className="t-submit" disabled={submitting} onClick={() => submit()}>
        {submitting ? t('apply.submitting') : t('apply.submit')}
      </ActionButton>
    </View>
  );
}

export default function Apply() {
  const { t } = useLang();
  return (
    <PageShell>
      <View className="title">{t('apply.title')}</View>
      <PrivacyGate purpose={t('apply.privacyPurpose')}>
        <ApplyForm />
      </PrivacyGate>
    </PageShell>
  );
}
