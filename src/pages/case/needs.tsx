import { useRef, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import ActionButton from '../../components/ActionButton';
import FieldError from '../../components/FieldError';
import MaterialsPicker from '../../components/MaterialsPicker';
import SignaturePad, { type PadControl } from '../../components/SignaturePad';
import { isMessageKey, useLang } from '../../i18n';
import {
  confirmExtension,
  requestTermination,
  sendSupplement,
  signReceipt,
  withdrawCase,
  type CaseDetail,
  type Need,
} from '../../services/cases';
import { describeError } from '../../services/errors';
import type { MaterialMeta } from '../../services/uploads';
import { formatChinaDateTime } from '../../utils/format';
import { a11yRole } from '../../utils/a11y';

function useStep() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { lang } = useLang();
  const run = async (fn: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      after();
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function StepError({ text }: { text: string }) {
  return text ? (
    <View className="form-error" {...a11yRole('alert')}>
      ⚠ {text}
    </View>
  ) : null;
}

/** 补正: upload the listed materials and send them. */
export function SupplementNeed({
  c,
  need,
  reload,
}: {
  c: CaseDetail;
  need: Extract<Need, { kind: 'materials' }>;
  reload: () => void;
}) {
  const [files, setFiles] = useState<MaterialMeta[]>([]);
  const [missing, setMissing] = useState('');
  const step = useStep();
  const { t } = useLang();
  return (
    <View className="card need t-need-materials">
      <View className="card__title">{t('case.supplement.title')}</View>
      {/* the materials as the agent named them */}
      {need.missing.map((m) => (
        <View key={m}>· {m}</View>
      ))}
      <MaterialsPicker
        name="supplement"
        label={t('case.supplement.upload')}
        files={files}
        onChange={(f) => {
          setFiles(f);
          setMissing('');
        }}
        error={missing}
      />
      <StepError text={step.error} />
      <ActionButton
        className="t-send-supplement"
        disabled={step.busy}
        onClick={() =>
          files.length === 0
            ? setMissing(t('case.supplement.none'))
            : step.run(() => sendSupplement({ caseId: c.caseId, materials: files }), reload)
        }
      >
        {step.busy ? t('apply.submitting') : t('case.supplement.send')}
      </ActionButton>
    </View>
  );
}

/** 签收: the receipt of the result and the originals, signed with a finger. */
export function ReceiptNeed({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const [fileID, setFileID] = useState('');
  const padRef = useRef<PadControl>(null);
  const step = useStep();
  const { t } = useLang();
  // drawing then 确认签收 is enough: the drawing is saved as part of the tap, an empty pad is refused by the pad
  const sign = () =>
    step.run(
      async () => {
        const id = fileID || (await padRef.current?.save());
        if (!id) return;
        await signReceipt({ caseId: c.caseId, signatureFileID: id });
        reload();
      },
      () => undefined,
    );
  const r = c.result;
  const outcome = r
    ? isMessageKey(`outcome.${r.outcome}`)
      ? t(`outcome.${r.outcome as 'approved'}`)
      : r.outcomeLabel
    : '';
  return (
    <View className="card need t-need-receipt">
      <View className="card__title">{t('case.receipt.title')}</View>
      {r ? (
        <View>
          {r.documentNo
            ? t('case.receipt.resultNo', { outcome, by: r.decidedBy, no: r.documentNo })
            : t('case.receipt.result', { outcome, by: r.decidedBy })}
        </View>
      ) : null}
      <View className="muted">{t('case.receipt.meaning')}</View>
      <SignaturePad
        name="receipt"
        label={t('case.receipt.sign')}
        hint={t('case.receipt.hint')}
        signed={!!fileID}
        onSigned={setFileID}
        onReset={() => setFileID('')}
        controlRef={padRef}
      />
      <StepError text={step.error} />
      <ActionButton className="t-sign-receipt" disabled={step.busy} onClick={sign}>
        {step.busy ? t('case.receipt.signing') : t('case.receipt.confirm')}
      </ActionButton>
    </View>
  );
}

export function ExtensionNeed({
  c,
  need,
  reload,
}: {
  c: CaseDetail;
  need: Extract<Need, { kind: 'extension' }>;
  reload: () => void;
}) {
  const step = useStep();
  const { t } = useLang();
  return (
    <View className="card need t-need-extension">
      <View className="card__title">{t('case.extension.title', { n: need.extraWorkingDays })}</View>
      <View>{t('case.extension.reason', { reason: need.explanation })}</View>
      {need.due ? <View>{t('case.extension.due', { date: need.due })}</View> : null}
      <StepError text={step.error} />
      <ActionButton
        className="t-confirm-extension"
        disabled={step.busy}
        onClick={() => step.run(() => confirmExtension({ caseId: c.caseId, seq: need.seq }), reload)}
      >
        {t('case.extension.ok')}
      </ActionButton>
    </View>
  );
}

export function EndRequest({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState('');
  const step = useStep();
  const { t } = useLang();
  if (c.terminationRequest)
    return (
      <View className="notice t-termination-requested">
        {t('case.end.requested', {
          time: formatChinaDateTime(c.terminationRequest.at),
          reason: c.terminationRequest.reason,
        })}
      </View>
    );
  if (!c.canWithdraw && !c.canRequestTermination) return null;
  const title = c.canWithdraw ? t('case.end.withdraw') : t('case.end.terminate');
  if (!open)
    return (
      <ActionButton kind="secondary" className="t-ask-terminate" onClick={() => setOpen(true)}>
        {title}
      </ActionButton>
    );
  return (
    <View className="card t-terminate-form">
      <View className="card__title">{title}</View>
      <View className="muted">
        {t('case.end.voluntary')}
        {c.canWithdraw ? t('case.end.withdrawNote') : t('case.end.terminateNote')}
      </View>
      <View className="field__label">{t('case.end.reason')}</View>
      <Textarea
        className="textarea t-terminate-reason"
        value={reason}
        maxlength={200}
        placeholder={t('case.end.placeholder')}
        aria-label={t('case.end.reason')}
        onInput={(e) => {
          setReason(e.detail.value);
          setErr('');
        }}
      />
      <FieldError name="reason" text={err || step.error} />
      <ActionButton
        className="t-terminate-confirm"
        disabled={step.busy}
        onClick={() => {
          if (reason.trim().length < 2) return setErr(t('case.end.needReason'));
          return step.run(
            () =>
              c.canWithdraw
                ? withdrawCase({ caseId: c.caseId, version: c.version })
                : requestTermination({ caseId: c.caseId, reason: reason.trim() }),
            reload,
          );
        }}
      >
        {t('case.end.confirm')}
      </ActionButton>
      <ActionButton kind="secondary" onClick={() => setOpen(false)}>
        {t('case.end.keep')}
      </ActionButton>
    </View>
  );
}
