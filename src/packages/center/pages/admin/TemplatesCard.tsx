import { View } from '@tarojs/components';
import { saveSubscribeTemplate } from '../../../../services/centerAdmin';
import { a11yRole } from '../../../../utils/a11y';
import type { SettingsProps } from './settingsKit';

const FIELD_NAMES: Record<string, string> = {
  caseNo: '编号',
  matter: '事项',
  status: '状态',
  note: '说明',
  time: '时间',
};
/** "caseNo=character_string1, status=phrase3" ⇄ { caseNo: 'character_string1', … } */
const keywordsText = (k: Record<string, string>) =>
  Object.entries(k)
    .map(([f, w]) => `${f}=${w}`)
    .join(', ');
const parseKeywords = (t: string) =>
  Object.fromEntries(
    t
      .split(/[,，\s]+/)
      .map((p) => p.split('='))
      .filter((p) => p.length === 2 && p[0] && p[1])
      .map(([f, w]) => [f.trim(), w.trim()]),
  );

/** 订阅消息模板: each purpose's template id and keywords, set here or taken from the environment. */
export default function TemplatesCard({ d, form, run, text }: SettingsProps) {
  return (
    <View className="card t-settings-templates">
      <View className="card__title">订阅消息模板</View>
      <View className="muted">
        在微信公众平台“订阅消息”中申请模板后，把模板编号和关键词填在这里；关键词写法：caseNo=character_string1,
        status=phrase3（
        {Object.entries(FIELD_NAMES)
          .map(([k, v]) => `${k} ${v}`)
          .join('，')}
        ）。
      </View>
      {d.settings.subscribeTemplates.map((t) => (
        <View key={t.purpose} className="line t-template">
          <View className="strong">{t.label}</View>
          <View className="muted t-template-current">
            {t.id
              ? `模板编号 ${t.id}（${t.source === 'settings' ? '在此设置' : '云函数环境变量'}）`
              : '未配置：不推送微信消息，只有小程序内消息'}
          </View>
          {t.id ? <View className="muted">关键词：{keywordsText(t.keywords)}</View> : null}
          {text(`tpl.${t.purpose}`, '新的模板编号', `tpl-${t.purpose}`)}
          {text(`kw.${t.purpose}`, '关键词（不填则沿用现有）', `kw-${t.purpose}`)}
          <View className="chips">
            <View
              className={`chip t-save-tpl-${t.purpose}`}
              onClick={() =>
                run(`${t.label} 模板已保存`, () =>
                  saveSubscribeTemplate({
                    purpose: t.purpose,
                    id: (form[`tpl.${t.purpose}`] ?? '').trim(),
                    ...((form[`kw.${t.purpose}`] ?? '').trim()
                      ? { keywords: parseKeywords(form[`kw.${t.purpose}`]) }
                      : {}),
                  }),
                )
              }
              {...a11yRole('button')}
            >
              保存
            </View>
            {t.source === 'settings' ? (
              <View
                className={`chip t-reset-tpl-${t.purpose}`}
                onClick={() =>
                  run(`${t.label} 已恢复为环境变量中的配置`, () =>
                    saveSubscribeTemplate({ purpose: t.purpose, reset: true }),
                  )
                }
                {...a11yRole('button')}
              >
                恢复默认
              </View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
