import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import CallButton from '../../../../components/CallButton';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import SignaturePad from '../../../../components/SignaturePad';
import { useAsync } from '../../../../hooks/useAsync';
import { actOnCase } from '../../../../services/actOnCase';
import { getCenterSettings, listStaff } from '../../../../services/centerAdmin';
import { describeError, isForbidden } from '../../../../services/errors';
import { getMyProfile } from '../../../../services/getMyProfile';
import { getStaffCase, type StaffCaseAnswer } from '../../../../services/getStaffCase';
import { getUnitLoad } from '../../../../services/getUnitLoad';
import { revealContact, type RevealedContact } from '../../../../services/revealContact';
import { AppError } from '../../../../services/result';
import { formatChinaDateTime } from '../../../../utils/format';
import { ACTION_FORMS, SECONDARY, type Field } from '../../actionForms';
import '../../../../styles/staffScreens.css';
import { fileKindOf, openCaseFile, type CaseFileRef } from '../../openCaseFile';
import '../../staff.css';
import { a11yRole } from '../../../../utils/a11y';

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

type Options = Record<NonNullable<Field['from']>, { value: string; label: string }[]>;

async function load(caseId: string) {
  const [detail, profile] = await Promise.all([getStaffCase(caseId), getMyProfile()]);
  // 送达: the service items the center keeps bring their window and committed time limit with one tap
  const items = detail.actions.some((a) => a.type === 'deliver')
    ? ((await getCenterSettings().catch(() => null))?.serviceItems.filter(
        (i) => i.unitId === detail.case.unitId || detail.case.unitId === 'center',
      ) ?? [])
    : [];
  const role = profile.staff?.role;
  let agents: { value: string; label: string }[] = [];
  if (detail.actions.some((a) => a.type === 'reassign')) {
    if (role === 'leader')
      agents = (await getUnitLoad()).agents.map((a) => ({
        value: a.staffId,
        label: `${a.name}（在办${a.open}件${a.onDuty ? '' : '，不在岗'}）`,
      }));
    else if (role === 'center')
      agents = (await listStaff()).items
        .filter((s) => s.role === 'agent')
        .map((s) => ({ value: s.staffId, label: `${s.name} · ${s.unitName}` }));
  }
  return { detail, agents, items };
}

function optionsFor(d: StaffCaseAnswer, agents: Options['agents']): Options {
  const c = d.case;
  return {
    agents,
    departments: d.units.map((u) => ({ value: u.unitId, label: u.name })),
    openTasks: c.tasks
      .filter((t) => t.status === 'handling')
      .map((t) => ({ value: t.taskId, label: `${t.departmentName}：${t.matter}` })),
    waitingTasks: c.tasks
      .filter((t) => t.status === 'awaiting_materials')
      .map((t) => ({ value: t.taskId, label: `${t.departmentName}：${t.matter}` })),
    scheduledMeetings: c.meetings
      .filter((m) => m.status === 'scheduled')
      .map((m) => ({ value: m.meetingId, label: m.topic })),
    openEscalations: c.escalations
      .filter((e) => e.status === 'open')
      .map((e) => ({ value: e.escalationId, label: e.issue })),
  };
}

export default function StaffCasePage() {
  const caseId = Taro.getCurrentInstance().router?.params?.caseId ?? '';
  const state = useAsync(() => load(caseId));
  const [open, setOpen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);

  const d = state.data?.detail;
  const c = d?.case;
  const [opening, setOpening] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // the full number lives in this page's memory only (never in storage), after a recorded reveal
  const [revealed, setRevealed] = useState<RevealedContact | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);

  async function reveal() {
    if (!c || revealing) return;
    setRevealing(true);
    setRevealError(null);
    try {
      setRevealed(await revealContact(c.caseId));
    } catch (e) {
      setRevealError(
        e instanceof AppError && e.code === 'NOT_FOUND'
          ? '只有经办的帮代办员、本单位责任领导和政务服务中心可以查看完整号码。'
          : describeError(e),
      );
    } finally {
      setRevealing(false);
    }
  }

  // every file of the case the agent may look at: materials (with 补正) and the applicant's signatures
  const caseFiles: CaseFileRef[] = c
    ? [
        ...c.materials.map((m) => ({ fileID: m.fileID, kind: fileKindOf(m.type) })),
        ...c.signatures.map((g) => ({ fileID: g.fileID, kind: 'image' as const })),
      ]
    : [];

  async function view(file: CaseFileRef) {
    if (!c || opening) return;
    setOpening(file.fileID);
    setFileError(null);
    try {
      await openCaseFile(c.caseId, caseFiles, file);
    } catch (e) {
      setFileError(
        `文件打不开：${e instanceof AppError ? describeError(e) : ((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '请稍后再试')}`,
      );
    } finally {
      setOpening(null);
    }
  }

  const viewButton = (file: CaseFileRef, name: string) => (
    <View
      className={`file-view t-view-file${opening === file.fileID ? ' file-view--busy' : ''}`}
      onClick={() => view(file)}
      {...a11yRole('button')}
      aria-label={`查看 ${name}`}
    >
      {opening === file.fileID ? '正在打开…' : '查看'}
    </View>
  );

  function start(type: string) {
    const form = ACTION_FORMS[type];
    setError(null);
    setDone(null);
    if (!form || form.fields.length === 0) {
      void submit(type, {});
      return;
    }
    const initial: Record<string, unknown> = {};
    const opts = d ? optionsFor(d, state.data?.agents ?? []) : null;
    for (const f of form.fields) {
      if (f.initial !== undefined) initial[f.key] = f.initial;
      // the only meeting, task or escalation there is needs no tap
      else if (
        f.kind === 'choice' &&
        f.from &&
        f.from !== 'agents' &&
        f.from !== 'departments' &&
        opts?.[f.from].length === 1
      )
        initial[f.key] = opts[f.from][0].value;
    }
    // §五(一) 明确告知理由: out of scope, the refusal starts from the rulebook's reasons (the agent may edit them)
    if (type === 'refuse' && d?.scope && !d.scope.eligible)
      initial.reasons = d.scope.reasons.map((r) => r.message).join('\n');
    setValues(initial);
    setOpen(type);
  }

  async function submit(type: string, v: Record<string, unknown>) {
    if (!c || busy) return;
    setBusy(true);
    // a red error from an earlier try must not stay on screen next to a later success
    setError(null);
    setDone(null);
    try {
      const built = ACTION_FORMS[type]?.build(v) ?? {};
      const desk = typeof v.signatureFileID === 'string' && v.signatureFileID ? v.signatureFileID : undefined;
      const r = await actOnCase(c.caseId, c.version, { type, ...built }, desk);
      const told = r.notifications.length
        ? `；已通知：${[...new Set(r.notifications.map((x) => x.label))].join('、')}`
        : '';
      setDone(`已${r.event.label}，当前状态：${r.statusLabel}${told}`);
      setOpen(null);
      state.reload();
    } catch (e) {
      setError({ text: describeError(e), fields: e instanceof AppError ? e.fields : {} });
      if (e instanceof AppError && e.code === 'CONFLICT') state.reload();
    } finally {
      setBusy(false);
    }
  }

  const set = (k: string, v: unknown) => setValues((s) => ({ ...s, [k]: v }));

  function renderField(f: Field, opts: Options) {
    const v = values[f.key];
    const choices = f.from ? opts[f.from] : (f.options ?? []);
    switch (f.kind) {
      case 'signature':
        if (open === 'finish')
          return (
            <SignaturePad
              key={f.key}
              name="finish"
              label={`${f.label}（申请人在场时在本机上签）`}
              hint="申请人在场：请他在方框内写下姓名，再点“确认签名”。不在场：不用签，办结后申请人在手机上签收，签收前案件显示“待签收”。"
              signed={typeof v === 'string' && v !== ''}
              onSigned={(id) => set(f.key, id)}
              onReset={() => set(f.key, '')}
            />
          );
        return c?.phoneSignedAt ? (
          <View key={f.key} className="ok t-phone-signed">
            ✓ 申请人已于 {formatChinaDateTime(c.phoneSignedAt)} 在手机上签署委托书并手写签名，作为确认签字。
          </View>
        ) : (
          <SignaturePad
            key={f.key}
            name="accept"
            label={`${f.label}（请申请人在本机上签）`}
            hint="请申请人用手指在方框内写下姓名，再点“确认签名”。"
            signed={typeof v === 'string' && v !== ''}
            onSigned={(id) => set(f.key, id)}
            onReset={() => set(f.key, '')}
          />
        );
      case 'check':
        return (
          <View
            key={f.key}
            className={`check t-f-${f.key}${v === true ? ' check--on' : ''}`}
            onClick={() => set(f.key, v !== true)}
            {...a11yRole('checkbox')}
            aria-checked={v === true ? 'true' : 'false'}
          >
            <View className="check__mark" aria-hidden="true">
              {v === true ? '☑' : '☐'}
            </View>
            <View>{f.label}</View>
          </View>
        );
      case 'choice':
      case 'multi': {
        const list = (f.kind === 'multi' ? (v as string[]) : null) ?? [];
        return (
          <View key={f.key} className="field">
            <View className="field__label">{f.label}</View>
            {choices.length === 0 ? <View className="muted">（没有可选项）</View> : null}
            <View className="chips">
              {choices.map((o) => {
                const on = f.kind === 'multi' ? list.includes(o.value) : v === o.value;
                return (
                  <View
                    key={o.value}
                    className={`chip t-f-${f.key}-${o.value}${on ? ' chip--on' : ''}`}
                    onClick={() =>
                      set(
                        f.key,
                        f.kind === 'multi' ? (on ? list.filter((x) => x !== o.value) : [...list, o.value]) : o.value,
                      )
                    }
                    role={f.kind === 'multi' ? 'checkbox' : 'radio'}
                    aria-checked={on ? 'true' : 'false'}
                  >
                    {on ? '✓ ' : ''}
                    {o.label}
                  </View>
                );
              })}
            </View>
          </View>
        );
      }
      case 'textarea':
      case 'lines':
        return (
          <View key={f.key} className="field">
            <View className="field__label">{f.label}</View>
            <Textarea
              className={`textarea t-f-${f.key}`}
              value={String(v ?? '')}
              maxlength={1000}
              autoHeight
              onInput={(e) => set(f.key, e.detail.value)}
            />
          </View>
        );
      default:
        return (
          <View key={f.key} className="field">
            <View className="field__label">{f.label}</View>
            <Input
              className={`input t-f-${f.key}`}
              type={f.kind === 'number' ? 'number' : 'text'}
              value={String(v ?? '')}
              placeholder={f.placeholder}
              onInput={(e) => set(f.key, e.detail.value)}
            />
          </View>
        );
    }
  }

  const denied = state.status === 'error' && isForbidden(state.error);
  const errorView = error ? (
    <View className="field-error t-act-error" {...a11yRole('alert')}>
      ⚠ {error.text}
      {Object.entries(error.fields)
        .filter(([, m]) => m !== error.text)
        .map(([k, m]) => (
          <View key={k}>{m}</View>
        ))}
    </View>
  ) : null;
  return (
    <PageShell>
      {state.status === 'loading' && !c ? <Notice kind="loading">正在加载…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：只有工作人员可以办理案件。</Notice> : null}
      {state.status === 'error' && !denied && !c ? <Notice kind="error">{describeError(state.error)}</Notice> : null}
      {c && d ? (
        <View>
          <View className="card">
            <View className="case__head">
              <View className="case__no t-case-no">编号 {c.caseNo}</View>
              <View className={`status status--${c.status} t-status`}>{c.statusLabel}</View>
            </View>
            <View className="case__matter">{c.matter}</View>
            <View className="muted t-applicant-contact">
              申请人：{c.contactName}，
              <Text className="t-contact-phone">{revealed?.contactPhone ?? c.contactPhone}</Text> ·{' '}
              {c.mode === 'proxy' ? '代办' : '帮办'}
            </View>
            {revealed ? (
              <View className="t-revealed">
                <CallButton
                  phone={revealed.contactPhone}
                  label={`拨打 ${revealed.contactPhone}`}
                  className="t-call-applicant"
                />
                <View className="muted">已于 {formatChinaDateTime(revealed.revealedAt)} 查看完整号码，已留记录。</View>
              </View>
            ) : c.canRevealContact ? (
              <ActionButton
                kind="secondary"
                className="btn--small t-reveal-phone"
                disabled={revealing}
                onClick={reveal}
              >
                {revealing ? '正在获取号码…' : '查看完整号码并拨打（将留记录）'}
              </ActionButton>
            ) : null}
            {revealError ? (
              <View className="field-error t-reveal-error" {...a11yRole('alert')}>
                ⚠ {revealError}
              </View>
            ) : null}
            <View className="muted">责任单位：{c.unitName}</View>
            <View className="muted t-agents">
              帮代办员：{c.agentName ?? '未分派'}
              {c.firstAgentName && c.firstAgentName !== c.agentName ? `（首问：${c.firstAgentName}）` : ''}
            </View>
            {c.window ? <View className="muted">审批窗口：{c.window}</View> : null}
            {c.deadline.label ? (
              <View className={`deadline deadline--${c.deadline.level} t-deadline`}>时限：{c.deadline.label}</View>
            ) : null}
            {c.nextFeedbackOn ? (
              <View className={`muted t-next-feedback${c.feedbackOverdue ? ' warn' : ''}`}>
                下次定期反馈：{c.nextFeedbackOn}
                {c.feedbackOverdue ? '（已到期，请联系申请人）' : ''}
              </View>
            ) : null}
            {c.missingMaterials.length ? (
              <View className="warn t-missing">待补正：{c.missingMaterials.join('、')}</View>
            ) : null}
            {c.suspensionReason ? <View className="warn">中止原因：{c.suspensionReason}</View> : null}
            {c.refusalReasons.length ? (
              <View className="warn">不予受理理由：{c.refusalReasons.map((r) => r.message).join('；')}</View>
            ) : null}
            {c.result ? (
              <View className="muted t-result">
                结果：{c.result.outcomeLabel}（{c.result.decidedBy}）
              </View>
            ) : null}
            {c.termination ? (
              <View className="muted">
                终止：{c.termination.groundLabel}，{c.termination.reason}
              </View>
            ) : null}
          </View>

          <View className="card t-application">
            <View className="card__title">申请内容</View>
            {c.application.rows.map((r) => (
              <View key={r.key} className={`app-row t-app-${r.key}`}>
                <View className="app-row__label">{r.label}</View>
                <View className="app-row__value">{r.value}</View>
              </View>
            ))}
          </View>

          {c.terminationRequest && !c.termination ? (
            <View className="card card--warn t-termination-request">
              <View className="card__title">申请人申请终止委托</View>
              <View>
                {formatChinaDateTime(c.terminationRequest.at)}：{c.terminationRequest.reason}
              </View>
              <View className="muted">请联系申请人，办理终止手续：注明原因、移交资料并确认签字（点“终止委托”）。</View>
            </View>
          ) : null}
          {c.status === 'awaiting_materials' && c.supplementSentAt ? (
            <View className="card card--warn t-supplement-sent">
              <View className="card__title">申请人已在手机上提交补正材料</View>
              <View>提交时间：{formatChinaDateTime(c.supplementSentAt)}</View>
              {c.materials
                .filter((m) => m.supplement && m.at >= c.supplementSentAt!)
                .map((m, i) => (
                  <View key={i} className="file-row t-supplement-file">
                    <View className="file-row__text">
                      · {m.name}（{sizeText(m.size)}）
                    </View>
                    {viewButton({ fileID: m.fileID, kind: fileKindOf(m.type) }, m.name)}
                  </View>
                ))}
              <View className="muted">核对无误后点“收到补正材料”，恢复计时。</View>
            </View>
          ) : null}

          {c.supervisions.length ? (
            <View className="card card--warn t-supervisions">
              <View className="card__title">责任领导督办</View>
              {c.supervisions.map((s) => (
                <View key={s.at}>
                  {formatChinaDateTime(s.at)}：{s.note}
                </View>
              ))}
            </View>
          ) : null}

          {done ? <View className="ok t-done">✓ {done}</View> : null}
          {error && !open ? errorView : null}

          {open ? (
            <View className="card t-action-form">
              <View className="card__title">{d.actions.find((a) => a.type === open)?.label}</View>
              {open === 'deliver' && state.data?.items.length ? (
                <View className="field">
                  <View className="field__label">按服务事项填写（点选即带出窗口和承诺时限）</View>
                  <View className="chips">
                    {state.data.items.map((i) => (
                      <View
                        key={i.itemId}
                        className={`chip t-item-${i.itemId}${values.window === i.window && Number(values.committedWorkingDays) === i.committedWorkingDays ? ' chip--on' : ''}`}
                        onClick={() =>
                          setValues((v) => ({
                            ...v,
                            window: i.window,
                            committedWorkingDays: String(i.committedWorkingDays),
                          }))
                        }
                        {...a11yRole('button')}
                      >
                        {i.name} · {i.window} · {i.committedWorkingDays}个工作日
                      </View>
                    ))}
                  </View>
                </View>
              ) : null}
              {open === 'accept' && d.scope ? (
                d.scope.eligible ? (
                  <View className="field t-scope-verify">
                    <View className="field__label">受理前请核实申请人所述（{d.scope.clause}）</View>
                    {d.scope.verify.map((v, i) => (
                      <View key={v} className="muted">
                        {i + 1}. {v}
                      </View>
                    ))}
                    <View className="muted">所述不实、不属于帮办代办范围的，请改为“不予受理”并说明理由。</View>
                  </View>
                ) : (
                  <View className="field card--warn t-scope-out">
                    <View className="field__label">
                      按申请人所述，不属于帮办代办范围，不能受理，请“不予受理”并告知理由：
                    </View>
                    {d.scope.reasons.map((r, i) => (
                      <View key={r.code}>
                        {i + 1}. {r.message}
                      </View>
                    ))}
                  </View>
                )
              ) : null}
              {ACTION_FORMS[open].fields
                .filter((f) => f.key !== 'mandateLetterSigned' || c.mode === 'proxy')
                .map((f) => renderField(f, optionsFor(d, state.data?.agents ?? [])))}
              {/* said next to the button that was tapped, not scrolled away above the form */}
              {error ? errorView : null}
              <ActionButton className="t-submit-action" disabled={busy} onClick={() => submit(open, values)}>
                {busy ? '正在提交…' : `确认${d.actions.find((a) => a.type === open)?.label ?? ''}`}
              </ActionButton>
              <ActionButton kind="secondary" className="t-cancel-action" onClick={() => setOpen(null)}>
                取消
              </ActionButton>
            </View>
          ) : d.actions.length ? (
            <View className="card">
              <View className="card__title">办理</View>
              <View className="actions">
                {d.actions.map((a) => (
                  <View
                    key={a.type}
                    className={`action ${SECONDARY.has(a.type) ? 'action--secondary' : ''} t-action-${a.type}`}
                    onClick={() => start(a.type)}
                    {...a11yRole('button')}
                  >
                    {a.label}
                  </View>
                ))}
              </View>
            </View>
          ) : null}

          {c.tasks.length ? (
            <View className="card t-tasks">
              <View className="card__title">并联审批部门任务</View>
              {c.tasks.map((t) => (
                <View key={t.taskId} className="line t-task">
                  {t.departmentName}：{t.matter} · {t.statusLabel}
                  {t.dueOn ? ` · ${t.dueOn}到期` : ''}
                  {t.outcomeLabel ? ` · ${t.outcomeLabel}` : ''}
                </View>
              ))}
            </View>
          ) : null}
          {c.meetings.length ? (
            <View className="card t-meetings">
              <View className="card__title">并联审联批会议</View>
              {c.meetings.map((m) => (
                <View key={m.meetingId} className="line t-meeting">
                  {formatChinaDateTime(m.scheduledFor)} {m.place ?? ''} · {m.topic} · {m.departments.join('、')} ·{' '}
                  {m.statusLabel}
                  {m.minutes ? <View className="muted">决议：{m.minutes}</View> : null}
                </View>
              ))}
            </View>
          ) : null}
          {c.escalations.length ? (
            <View className="card t-escalations">
              <View className="card__title">报请分管领导协调</View>
              {c.escalations.map((e) => (
                <View key={e.escalationId} className="line">
                  {e.issue} · {e.statusLabel}
                  {e.resolution ? <View className="muted">结果：{e.resolution}</View> : null}
                </View>
              ))}
            </View>
          ) : null}

          {c.materials.length || c.signatures.length ? (
            <View className="card t-materials">
              <View className="card__title">申请人上传的材料（{c.materials.length}个）</View>
              {c.materials.map((m, i) => (
                <View key={i} className="line file-row t-material">
                  <View className="file-row__text">
                    <View className="file-row__name">{m.name}</View>
                    <View className="muted">
                      {m.type === 'application/pdf' ? 'PDF' : '照片'} · {sizeText(m.size)}
                      {m.supplement ? ' · 补正' : ''}
                    </View>
                    <View className="muted">上传于 {formatChinaDateTime(m.at)}</View>
                  </View>
                  {viewButton({ fileID: m.fileID, kind: fileKindOf(m.type) }, m.name)}
                </View>
              ))}
              {c.signatures.map((g) => (
                <View key={g.kind} className={`line file-row t-signature-file t-signature-${g.kind}`}>
                  <View className="file-row__text">
                    <View className="file-row__name">{g.label}</View>
                    <View className="muted">签于 {formatChinaDateTime(g.at)}</View>
                  </View>
                  {viewButton({ fileID: g.fileID, kind: 'image' }, g.label)}
                </View>
              ))}
              {fileError ? (
                <View className="field-error t-file-error" {...a11yRole('alert')}>
                  ⚠ {fileError}
                </View>
              ) : null}
            </View>
          ) : null}
          {c.receipt ? (
            <View className={`${c.receipt.signed ? 'muted' : 'strong'} t-receipt-state`}>
              签收：{c.receipt.sourceLabel}
              {c.receipt.at ? `（${formatChinaDateTime(c.receipt.at)}）` : ''}
            </View>
          ) : null}
          {c.acceptSignature ? (
            <View className="muted t-accept-signature">
              受理签字：{c.acceptSignature.sourceLabel}（{formatChinaDateTime(c.acceptSignature.at)}）
            </View>
          ) : null}

          <View className="card t-timeline">
            <View className="card__title">办理记录</View>
            {[...c.timeline].reverse().map((e, i) => (
              <View key={i} className="line t-event">
                <View>
                  {formatChinaDateTime(e.at)} · {e.label}
                  {e.channel ? `（${e.channel}）` : ''} · {e.by}
                </View>
                {e.note ? <View className="muted">{e.note}</View> : null}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
