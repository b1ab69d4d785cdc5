import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { revealContact, type StaffCaseDetail, type RevealedContact } from '../../../../services/workbench';
import RevealCall from '../../RevealCall';

/** The case at a glance: number, status, the applicant (full number on a recorded tap), unit, time limit. */
export default function CaseSummary({ c }: { c: StaffCaseDetail }) {
  // the full number lives in this component's memory only (never in storage), after a recorded reveal
  const [revealed, setRevealed] = useState<RevealedContact | null>(null);

  return (
    <View className="card">
      <View className="case__head">
        <View className="case__no t-case-no">编号 {c.caseNo}</View>
        <View className={`status status--${c.status} t-status`}>{c.statusLabel}</View>
      </View>
      <View className="case__matter">{c.matter}</View>
      <View className="muted t-applicant-contact">
        申请人：{c.contactName}，<Text className="t-contact-phone">{revealed?.contactPhone ?? c.contactPhone}</Text> ·{' '}
        {c.mode === 'proxy' ? '代办' : '帮办'}
      </View>
      {c.canRevealContact ? (
        <RevealCall reveal={() => revealContact(c.caseId)} name="case" onRevealed={setRevealed} />
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
  );
}
