import { View } from '@tarojs/components';
import type { StaffCaseDetail } from '../../../../services/workbench';
import { a11yRole } from '../../../../utils/a11y';
import { formatChinaDateTime } from '../../../../utils/format';
import { fileKindOf } from '../../openCaseFile';
import { sizeText } from './load';
import type { ViewButton } from './useFileViewer';

type C = { c: StaffCaseDetail };

/** 补正 the applicant sent from the phone, waiting to be checked. */
export function SupplementSent({ c, viewButton }: C & { viewButton: ViewButton }) {
  if (!(c.status === 'awaiting_materials' && c.supplementSentAt)) return null;
  return (
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
  );
}

/** 并联审批: department tasks, joint meetings, escalations to the leader in charge. */
export function Coordination({ c }: C) {
  return (
    <>
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
    </>
  );
}

/** What the applicant uploaded and signed, each with 查看. */
export function Materials({ c, viewButton, fileError }: C & { viewButton: ViewButton; fileError: string | null }) {
  if (!(c.materials.length || c.signatures.length)) return null;
  return (
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
  );
}

/** 办理记录, newest first. */
export function Timeline({ c }: C) {
  return (
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
  );
}
