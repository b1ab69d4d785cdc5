import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CaseStatus } from '../../../core/case-status';
import ActionButton from '../../components/ActionButton';
import CallButton, { dialable } from '../../components/CallButton';
import MatterMaterials from '../../components/MatterMaterials';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import LoadError from '../../components/LoadError';
import { CENTER_HOTLINE } from '../../constants/center';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import { isMessageKey, isolate, useLang, type Lang } from '../../i18n';
import { getCase, type CaseDetail } from '../../services/cases';
import { formatChinaDateTime } from '../../utils/format';
import { EndRequest, ExtensionNeed, ReceiptNeed, SupplementNeed } from './needs';
import { nothingToDo, ProgressBar } from './progress';

export { nothingToDo, ProgressBar } from './progress';

type T = ReturnType<typeof useLang>['t'];

/** 办理记录, one entry: the step and the state it led to by their codes; who did it; what they wrote. */
function TimelineEvent({ e, t, lang }: { e: CaseDetail['timeline'][number]; t: T; lang: Lang }) {
  const event = e.action && isMessageKey(`event.${e.action}`) ? t(`event.${e.action as 'apply'}`) : e.label;
  const status = e.to ? t(`status.${e.to as CaseStatus}`) : e.statusLabel;
  const by =
    e.byRole === 'applicant'
      ? t('case.by.you')
      : e.byName
        ? t('case.by.agent', { name: e.byName })
        : e.byRole && isMessageKey(`role.${e.byRole}`)
          ? t(`role.${e.byRole as 'agent'}`)
          : e.by;
  return (
    <View className="event t-event">
      <View className="event__when">{isolate(lang, formatChinaDateTime(e.at))}</View>
      <View className="strong">{t('case.event', { event, status })}</View>
      <View className="muted">{t('case.by', { by })}</View>
      {e.note ? <View>{t('case.eventNote', { note: e.note })}</View> : null}
    </View>
  );
}

function Contacts({ c, t }: { c: CaseDetail; t: T }) {
  const k = c.contacts;
  return (
    <View className="card t-contacts">
      <View className="card__title">{t('case.who')}</View>
      <View>
        {t('case.unit', { unit: k.unitName })}
        {k.unitPhone ? t('case.unitPhone', { phone: k.unitPhone }) : ''}
      </View>
      {k.firstAgentName ? (
        <View>
          {t('case.firstAgent', { name: k.firstAgentName })}
          {k.firstAgentPhone ? t('case.officePhone', { phone: k.firstAgentPhone }) : ''}
        </View>
      ) : null}
      {k.agentName && k.agentName !== k.firstAgentName ? (
        <View>
          {t(k.firstAgentName ? 'case.nowAgent' : 'case.agent', { name: k.agentName })}
          {k.agentPhone ? t('case.officePhone', { phone: k.agentPhone }) : ''}
        </View>
      ) : null}
      {!k.agentName ? <View className="muted">{t('case.noAgent')}</View> : null}
      {/* one tap to call: the agent handling it (or the first agent), the unit, and the center */}
      {k.agentName && k.agentPhone ? (
        <CallButton phone={k.agentPhone} label={t('case.call.agent', { name: k.agentName })} className="t-call-agent" />
      ) : null}
      {k.firstAgentName && k.firstAgentName !== k.agentName && k.firstAgentPhone ? (
        <CallButton
          phone={k.firstAgentPhone}
          label={t('case.call.firstAgent', { name: k.firstAgentName })}
          className="t-call-first-agent"
        />
      ) : null}
      {k.unitPhone && dialable(k.unitPhone) !== dialable(CENTER_HOTLINE) ? (
        <CallButton phone={k.unitPhone} label={t('case.call.unit', { unit: k.unitName })} className="t-call-unit" />
      ) : null}
      <CallButton phone={CENTER_HOTLINE} label={t('case.call.center')} className="t-call-center" />
    </View>
  );
}

/** The due line: paused, on time, soon due or late, with the date and working days in words. */
function Due({ c, t }: { c: CaseDetail; t: T }) {
  if (!c.due) {
    return c.status === 'applied' || c.status === 'accepted' ? (
      <View className="muted t-due">{t('case.due.notYet')}</View>
    ) : null;
  }
  const d = c.due;
  const words = d.paused
    ? t('case.due.paused')
    : t(d.level === 'overdue' ? 'case.due.over' : 'case.due.left', {
        level: t(`case.due.${d.level}`),
        date: d.date ?? '—',
        n: d.level === 'overdue' ? -d.remainingWorkingDays : d.remainingWorkingDays,
      });
  return <View className={`due due--${d.level} t-due`}>{words}</View>;
}

export default function CaseDetailPage() {
  const id = useRouter().params.id ?? '';
  const state = useAsync(() => getCase(id));
  const c = state.data?.case;
  const { t, lang } = useLang();

  return (
    <PageShell>
      <View className="title">{t('case.title')}</View>
      {state.status === 'loading' && !c ? <Notice kind="loading">{t('common.loading')}</Notice> : null}
      {state.status === 'error' ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {c ? (
        <View>
          <View className="card t-case-head">
            <View className="case__head">
              <View className="case__no">{t('case.caseNo', { caseNo: c.caseNo })}</View>
              <View className={`status status--${c.status} t-status`}>{t(`status.${c.status as CaseStatus}`)}</View>
            </View>
            <View className="case__matter">{c.matter}</View>
            <View className="muted">
              {isMessageKey(`category.${c.category}`) ? t(`category.${c.category as 'major'}`) : c.categoryLabel} ·{' '}
              {c.mode === 'help' || c.mode === 'proxy' ? t(`mode.${c.mode}`) : c.modeLabel}
            </View>
            {c.progress ? <ProgressBar progress={c.progress} status={c.status} /> : null}
            <Due c={c} t={t} />
          </View>

          <Contacts c={c} t={t} />

          <View className="t-needs">
            {/* only an open case has progress to come: a refused, finished or ended one says what it is */}
            {c.needs.length === 0 ? <View className="muted card t-no-needs">{nothingToDo(c, lang)}</View> : null}
            {c.needs.map((n) =>
              n.kind === 'materials' ? (
                <SupplementNeed key="m" c={c} need={n} reload={state.reload} />
              ) : n.kind === 'materials_sent' ? (
                <View key="ms" className="card t-need-materials-sent">
                  {t('case.supplement.sent')}
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
              {t('case.receipt.signed', { time: formatChinaDateTime(c.receipt.signedAt) })}
            </View>
          ) : null}
          {c.refusalReasons.length > 0 ? (
            <View className="card">
              <View className="card__title">{t('case.refusal')}</View>
              {c.refusalReasons.map((r, i) => (
                <View key={r.code}>
                  {i + 1}. {isMessageKey(`reason.${r.code}`) ? t(`reason.${r.code as 'CATEGORY_UNKNOWN'}`) : r.message}
                </View>
              ))}
            </View>
          ) : null}
          {c.canRate ? (
            <ActionButton
              className="t-go-rate"
              onClick={() => Taro.navigateTo({ url: `${ROUTES.rate}?id=${c.caseId}` })}
            >
              {t('case.rate')}
            </ActionButton>
          ) : null}

          <View className="card t-timeline">
            <View className="card__title">{t('case.timeline')}</View>
            {c.timeline.map((e, i) => (
              <TimelineEvent key={i} e={e} t={t} lang={lang} />
            ))}
          </View>
          <MatterMaterials matter={c.matter} />
          {c.materials.length > 0 ? (
            <View className="card">
              <View className="card__title">{t('case.materials')}</View>
              {c.materials.map((m, i) => (
                <View key={i}>
                  · {m.name}
                  {m.supplement ? t('case.supplementTag') : ''}
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
