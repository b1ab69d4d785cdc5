import { Input, Textarea, View } from '@tarojs/components';
import SignaturePad from '../../../../components/SignaturePad';
import { a11yRole } from '../../../../utils/a11y';
import { formatChinaDateTime } from '../../../../utils/format';
import type { Field } from '../../actionForms';
import type { Options } from './load';

interface Props {
  f: Field;
  /** the form's current answer for this field */
  v: unknown;
  set: (key: string, value: unknown) => void;
  opts: Options;
  /** the action whose form this is (办结 signs at the desk, 受理 may already be signed on the phone) */
  open: string;
  phoneSignedAt: string | null | undefined;
}

/** One field of an action form: a signature, a check, choices, text. */
export default function ActionField({ f, v, set, opts, open, phoneSignedAt }: Props) {
  const choices = f.from ? opts[f.from] : (f.options ?? []);
  switch (f.kind) {
    case 'signature':
      if (open === 'finish')
        return (
          <SignaturePad
            name="finish"
            label={`${f.label}（申请人在场时在本机上签）`}
            hint="申请人在场：请他在方框内写下姓名，再点“确认签名”。不在场：不用签，办结后申请人在手机上签收，签收前案件显示“待签收”。"
            signed={typeof v === 'string' && v !== ''}
            onSigned={(id) => set(f.key, id)}
            onReset={() => set(f.key, '')}
          />
        );
      return phoneSignedAt ? (
        <View className="ok t-phone-signed">
          ✓ 申请人已于 {formatChinaDateTime(phoneSignedAt)} 在手机上签署委托书并手写签名，作为确认签字。
        </View>
      ) : (
        <SignaturePad
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
        <View className="field">
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
        <View className="field">
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
        <View className="field">
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
