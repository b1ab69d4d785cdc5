import { useRef, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import CallButton, { dialable } from '../../components/CallButton';
import FieldError from '../../components/FieldError';
import MaterialsPicker from '../../components/MaterialsPicker';
import MatterMaterials from '../../components/MatterMaterials';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import SignaturePad, { type PadControl } from '../../components/SignaturePad';
import { CENTER_HOTLINE } from '../../constants/center';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import {
  confirmExtension,
  getCase,
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
import LoadError from '../../components/LoadError';
import { a11yRole } from '../../utils/a11y';

function useStep() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (fn: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      after();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** 补正: upload the listed materials and send them. */
function SupplementNeed({
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
  return (
    <View className="card need t-need-materials">
      <View className="card__title">⚠ 需要您补正材料</View>
      {need.missing.map((m) => (
        <View key={m}>· {m}</View>
      ))}
      <MaterialsPicker
        name="supplement"
        label="上传补正材料"
        files={files}
        onChange={(f) => {
          setFiles(f);
          setMissing('');
        }}
        error={missing}
      />
      {step.error ? (
        <View className="form-error" {...a11yRole('alert')}>
          ⚠ {step.error}
        </View>
      ) : null}
      <ActionButton
        className="t-send-supplement"
        disabled={step.busy}
        onClick={() =>
          files.length === 0
            ? setMissing('请先上传至少一个文件')
            : step.run(() => sendSupplement({ caseId: c.caseId, materials: files }), reload)
        }
      >
        {step.busy ? '正在提交…' : '提交补正材料'}
      </ActionButton>
    </View>
  );
}

/** 签收: the receipt of the result and the originals, signed with a finger. */
function ReceiptNeed({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const [fileID, setFileID] = useState('');
  const padRef = useRef<PadControl>(null);
  const step = useStep();
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
  return (
    <View className="card need t-need-receipt">
      <View className="card__title">✍ 请签收办理结果</View>
      {c.result ? (
        <View>
          办理结果：{c.result.outcomeLabel}（由{c.result.decidedBy}作出
          {c.result.documentNo ? `，文号 ${c.result.documentNo}` : ''}）
        </View>
      ) : null}
      <View className="muted">签收即确认：帮代办员已向您移交办理结果和您的原始材料，本次帮办代办服务结束。</View>
      <SignaturePad
        name="receipt"
        label="签收人签名"
        hint="请用手指在方框内写下您的姓名，然后点下面的“确认签收”。"
        signed={!!fileID}
        onSigned={setFileID}
        onReset={() => setFileID('')}
        controlRef={padRef}
      />
      {step.error ? (
        <View className="form-error" {...a11yRole('alert')}>
          ⚠ {step.error}
        </View>
      ) : null}
      <ActionButton className="t-sign-receipt" disabled={step.busy} onClick={sign}>
        {step.busy ? '正在签收…' : '确认签收'}
      </ActionButton>
    </View>
  );
}

function ExtensionNeed({
  c,
  need,
  reload,
}: {
  c: CaseDetail;
  need: Extract<Need, { kind: 'extension' }>;
  reload: () => void;
}) {
  const step = useStep();
  return (
    <View className="card need t-need-extension">
      <View className="card__title">ⓘ 办理时限延长了{need.extraWorkingDays}个工作日</View>
      <View>原因：{need.explanation}</View>
      {need.due ? <View>新的办结期限：{need.due}</View> : null}
      {step.error ? (
        <View className="form-error" {...a11yRole('alert')}>
          ⚠ {step.error}
        </View>
      ) : null}
      <ActionButton
        className="t-confirm-extension"
        disabled={step.busy}
        onClick={() => step.run(() => confirmExtension({ caseId: c.caseId, seq: need.seq }), reload)}
      >
        我已知晓
      </ActionButton>
    </View>
  );
}

function EndRequest({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState('');
  const step = useStep();
  if (c.terminationRequest)
    return (
      <View className="notice t-termination-requested">
        您已于 {formatChinaDateTime(c.terminationRequest.at)} 申请终止委托（{c.terminationRequest.reason}
        ），帮代办员会联系您办理终止手续、退还材料。
      </View>
    );
  if (!c.canWithdraw && !c.canRequestTermination) return null;
  if (!open)
    return (
      <ActionButton kind="secondary" className="t-ask-terminate" onClick={() => setOpen(true)}>
        {c.canWithdraw ? '撤回申请' : '申请终止委托'}
      </ActionButton>
    );
  return (
    <View className="card t-terminate-form">
      <View className="card__title">{c.canWithdraw ? '撤回申请' : '申请终止委托'}</View>
      <View className="muted">
        帮办代办是自愿的，您可以随时终止。
        {c.canWithdraw ? '申请尚未受理，撤回后立即结束。' : '帮代办员会联系您办理终止手续、退还材料。'}
      </View>
      <View className="field__label">原因</View>
      <Textarea
        className="textarea t-terminate-reason"
        value={reason}
        maxlength={200}
        placeholder="例如：已自己办好了"
        aria-label="原因"
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
          if (reason.trim().length < 2) return setErr('请简单写明原因');
          return step.run(
            () =>
              c.canWithdraw
                ? withdrawCase({ caseId: c.caseId, version: c.version })
                : requestTermination({ caseId: c.caseId, reason: reason.trim() }),
            reload,
          );
        }}
      >
        确认
      </ActionButton>
      <ActionButton kind="secondary" onClick={() => setOpen(false)}>
        不了，继续办理
      </ActionButton>
    </View>
  );
}

/** What the applicant reads when nothing is asked of them, by how the case stands. */
export function nothingToDo(c: Pick<CaseDetail, 'status' | 'canRate'>): string {
  switch (c.status) {
    case 'refused':
      return '这条申请不予受理，理由见下方。如有疑问，可致电政务服务中心。';
    case 'terminated':
      return '这条申请已终止，不再继续办理。';
    case 'finished':
      return c.canRate ? '这条申请已办结。欢迎您评价这次服务。' : '这条申请已办结。';
    default:
      return '目前不需要您做什么，有进展会通知您。';
  }
}

const MARKS = { done: '✓', current: '●', stopped: '✕', todo: '○' } as const;
const STATE_WORDS = { done: '已完成', current: '当前', stopped: '未继续', todo: '未到' } as const;

/** 申请 → 受理 → 办理 → 办结: where the case is; one that ended short of 办结 shows where it stopped. */
export function ProgressBar({ progress }: { progress: CaseDetail['progress'] }) {
  const at = progress.steps.find((s) => s.state === 'current' || s.state === 'stopped');
  return (
    <View className="t-progress">
      <View className="case-steps" aria-label="办理进度">
        {progress.steps.map((s) => (
          <View
            key={s.key}
            className={`case-steps__step case-steps__step--${s.state} t-progress-step t-progress-${s.key}`}
            aria-label={`${s.label}：${STATE_WORDS[s.state]}${s.note ? `，${s.note}` : ''}`}
          >
            <View className="case-steps__mark">{MARKS[s.state]}</View>
            <View className="case-steps__label">{s.label}</View>
          </View>
        ))}
      </View>
      <View className="case-steps__now t-progress-now">
        {progress.ended
          ? `已结束：${progress.ended.label}（停在“${at?.label ?? ''}”这一步，没有办结）`
          : at
            ? `现在：${at.label}${at.note ? `，${at.note}` : ''}`
            : '✓ 已办结'}
      </View>
    </View>
  );
}

const LEVEL_WORDS: Record<string, string> = {
  on_track: '✓ 按期办理中',
  due_soon: '⚠ 即将到期',
  overdue: '⚠ 已超过期限',
};

export default function CaseDetailPage() {
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => getCase(id));
  const c = state.data?.case;

  return (
    <PageShell>
      <View className="title">申请详情</View>
      {state.status === 'loading' && !c ? <Notice kind="loading">正在加载…</Notice> : null}
      {state.status === 'error' ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {c ? (
        <View>
          <View className="card t-case-head">
            <View className="case__head">
              <View className="case__no">编号 {c.caseNo}</View>
              <View className={`status status--${c.status} t-status`}>{c.statusLabel}</View>
            </View>
            <View className="case__matter">{c.matter}</View>
            <View className="muted">
              {c.categoryLabel} · {c.modeLabel}
            </View>
            {c.progress ? <ProgressBar progress={c.progress} /> : null}
            {c.due ? (
              <View className={`due due--${c.due.level} t-due`}>
                {c.due.paused
                  ? '⏸ 等待补正材料，期限暂停计算'
                  : `${LEVEL_WORDS[c.due.level]}：办结期限 ${c.due.date ?? '—'}，${c.due.level === 'overdue' ? `已超过 ${-c.due.remainingWorkingDays} 个工作日` : `还剩 ${c.due.remainingWorkingDays} 个工作日`}`}
              </View>
            ) : c.status === 'applied' || c.status === 'accepted' ? (
              <View className="muted t-due">送达审批窗口后开始按工作日计算办结期限。</View>
            ) : null}
          </View>

          <View className="card t-contacts">
            <View className="card__title">谁在为您办理</View>
            <View>
              责任单位：{c.contacts.unitName}
              {c.contacts.unitPhone ? `（电话 ${c.contacts.unitPhone}）` : ''}
            </View>
            {c.contacts.firstAgentName ? (
              <View>
                首问负责帮代办员：{c.contacts.firstAgentName}
                {c.contacts.firstAgentPhone ? `，办公电话 ${c.contacts.firstAgentPhone}` : ''}
              </View>
            ) : null}
            {c.contacts.agentName && c.contacts.agentName !== c.contacts.firstAgentName ? (
              <View>
                {c.contacts.firstAgentName ? '现经办' : '帮代办员'}：{c.contacts.agentName}
                {c.contacts.agentPhone ? `，办公电话 ${c.contacts.agentPhone}` : ''}
              </View>
            ) : null}
            {!c.contacts.agentName ? <View className="muted">正在为您安排帮代办员，中心会主动联系您。</View> : null}
            {/* one tap to call: the agent handling it (or the first agent), the unit, and the center */}
            {c.contacts.agentName && c.contacts.agentPhone ? (
              <CallButton
                phone={c.contacts.agentPhone}
                label={`拨打帮代办员 ${c.contacts.agentName}`}
                className="t-call-agent"
              />
            ) : null}
            {c.contacts.firstAgentName &&
            c.contacts.firstAgentName !== c.contacts.agentName &&
            c.contacts.firstAgentPhone ? (
              <CallButton
                phone={c.contacts.firstAgentPhone}
                label={`拨打首问帮代办员 ${c.contacts.firstAgentName}`}
                className="t-call-first-agent"
              />
            ) : null}
            {c.contacts.unitPhone && dialable(c.contacts.unitPhone) !== dialable(CENTER_HOTLINE) ? (
              <CallButton phone={c.contacts.unitPhone} label={`拨打${c.contacts.unitName}`} className="t-call-unit" />
            ) : null}
            <CallButton phone={CENTER_HOTLINE} label="拨打政务服务中心" className="t-call-center" />
          </View>

          <View className="t-needs">
            {/* only an open case has progress to come: a refused, finished or ended one says what it is */}
            {c.needs.length === 0 ? <View className="muted card t-no-needs">{nothingToDo(c)}</View> : null}
            {c.needs.map((n) =>
              n.kind === 'materials' ? (
                <SupplementNeed key="m" c={c} need={n} reload={state.reload} />
              ) : n.kind === 'materials_sent' ? (
                <View key="ms" className="card t-need-materials-sent">
                  ✓ 补正材料已提交，等待帮代办员核收。
                </View>
              ) : n.kind === 'receipt' ? (
                <ReceiptNeed key="r" c={c} reload={state.reload} />
              ) : (
                <ExtensionNeed key={`e${n.seq}`} c={c} need={n} reload={state.reload} />
              ),
            )}
          </View>

          {c.receipt ? (
            <View className="card t-receipt-signed">
              ✓ 您已于 {formatChinaDateTime(c.receipt.signedAt)} 签收办理结果。
            </View>
          ) : null}
          {c.refusalReasons.length > 0 ? (
            <View className="card">
              <View className="card__title">不予受理的理由</View>
              {c.refusalReasons.map((r, i) => (
                <View key={r.code}>
                  {i + 1}. {r.message}
                </View>
              ))}
            </View>
          ) : null}
          {c.canRate ? (
            <ActionButton
              className="t-go-rate"
              onClick={() => Taro.navigateTo({ url: `${ROUTES.rate}?id=${c.caseId}` })}
            >
              评价这次服务（好差评）
            </ActionButton>
          ) : null}

          <View className="card t-timeline">
            <View className="card__title">办理记录</View>
            {c.timeline.map((e, i) => (
              <View key={i} className="event t-event">
                <View className="event__when">{formatChinaDateTime(e.at)}</View>
                <View className="strong">
                  {e.label} → {e.statusLabel}
                </View>
                <View className="muted">办理人：{e.by}</View>
                {e.note ? <View>说明：{e.note}</View> : null}
              </View>
            ))}
          </View>
          <MatterMaterials matter={c.matter} />
          {c.materials.length > 0 ? (
            <View className="card">
              <View className="card__title">已提交的材料</View>
              {c.materials.map((m, i) => (
                <View key={i}>
                  · {m.name}
                  {m.supplement ? '（补正）' : ''}
                </View>
              ))}
            </View>
          ) : null}
          <EndRequest c={c} reload={state.reload} />
        </View>
      ) : null}
    </PageShell>
  );
}
