import { useState } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import { actOnCase, type StaffActionType, type StaffCaseAnswer } from '../../../../services/workbench';
import type { ServiceItem } from '../../../../services/centerAdmin';
import { describeError } from '../../../../services/errors';
import { AppError } from '../../../../services/result';
import { a11yRole } from '../../../../utils/a11y';
import { ACTION_FORMS, SECONDARY } from '../../actionForms';
import ActionField from './ActionField';
import { optionsFor, type Options } from './load';

interface Props {
  d: StaffCaseAnswer;
  agents: Options['agents'];
  /** the center's service items for 送达 (window and committed time limit in one tap) */
  items: ServiceItem[];
  reload: () => void;
}

/** 办理: the actions the rules allow now, each one's form, and what came of the last one. */
export default function ActionPanel({ d, agents, items, reload }: Props) {
  const c = d.case;
  const [open, setOpen] = useState<StaffActionType | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const opts = optionsFor(d, agents);
  // the service item whose window and time limit the 送达 form now holds
  const picked = (i: ServiceItem) =>
    values.window === i.window && Number(values.committedWorkingDays) === i.committedWorkingDays;

  function start(type: StaffActionType) {
    const form = ACTION_FORMS[type];
    setError(null);
    setDone(null);
    if (form.fields.length === 0) {
      void submit(type, {});
      return;
    }
    const initial: Record<string, unknown> = {};
    for (const f of form.fields) {
      if (f.initial !== undefined) initial[f.key] = f.initial;
      // the only meeting, task or escalation there is needs no tap
      else if (
        f.kind === 'choice' &&
        f.from &&
        f.from !== 'agents' &&
        f.from !== 'departments' &&
        opts[f.from].length === 1
      )
        initial[f.key] = opts[f.from][0].value;
    }
    // §五(一) 明确告知理由: out of scope, the refusal starts from the rulebook's reasons (the agent may edit them)
    if (type === 'refuse' && d.scope && !d.scope.eligible)
      initial.reasons = d.scope.reasons.map((r) => r.message).join('\n');
    setValues(initial);
    setOpen(type);
  }

  async function submit(type: StaffActionType, v: Record<string, unknown>) {
    if (busy) return;
    setBusy(true);
    // a red error from an earlier try must not stay on screen next to a later success
    setError(null);
    setDone(null);
    try {
      const desk = typeof v.signatureFileID === 'string' && v.signatureFileID ? v.signatureFileID : undefined;
      const r = await actOnCase(c.caseId, c.version, ACTION_FORMS[type].build(v), desk);
      const told = r.notifications.length
        ? `；已通知：${[...new Set(r.notifications.map((x) => x.label))].join('、')}`
        : '';
      setDone(`已${r.event.label}，当前状态：${r.statusLabel}${told}`);
      setOpen(null);
      reload();
    } catch (e) {
      setError({ text: describeError(e), fields: e instanceof AppError ? e.fields : {} });
      if (e instanceof AppError && e.code === 'CONFLICT') reload();
    } finally {
      setBusy(false);
    }
  }

  const set = (k: string, v: unknown) => setValues((s) => ({ ...s, [k]: v }));

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
    <>
      {done ? <View className="ok t-done">✓ {done}</View> : null}
      {error && !open ? errorView : null}

      {open ? (
        <View className="card t-action-form">
          <View className="card__title">{d.actions.find((a) => a.type === open)?.label}</View>
          {open === 'deliver' && items.length ? (
            <View className="field">
              <View className="field__label">按服务事项填写（点选即带出窗口和承诺时限）</View>
              <View className="chips">
                {items.map((i) => (
                  <View
                    key={i.itemId}
                    className={`chip t-item-${i.itemId}${picked(i) ? ' chip--on' : ''}`}
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
            .map((f) => (
              <ActionField
                key={f.key}
                f={f}
                v={values[f.key]}
                set={set}
                opts={opts}
                open={open}
                phoneSignedAt={c.phoneSignedAt}
              />
            ))}
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
    </>
  );
}
