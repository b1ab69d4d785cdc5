import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import PageShell from '../../../../components/PageShell';
import { describeError } from '../../../../services/errors';
import { redeemInvite, type BoundStaff } from '../../../../services/centerAdmin';
import '../../../../styles/staffScreens.css';
import '../../staff.css';

/** 政务服务中心发给本人的一次性邀请码：输入后，这个微信绑定为邀请码上的工作人员身份。 */
export default function BindPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState<BoundStaff['staff'] | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      setBound((await redeemInvite(code.trim())).staff);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageShell>
      <View className="title">绑定工作人员身份</View>
      {bound ? (
        <View className="card t-bound">
          <View className="card__title">绑定成功</View>
          <View>
            {bound.name} · {bound.roleLabel} · {bound.unitName}
          </View>
          <ActionButton
            className="t-go-workbench"
            onClick={() => Taro.redirectTo({ url: '/packages/staff/pages/workbench/index' })}
          >
            进入工作台
          </ActionButton>
        </View>
      ) : (
        <View className="card">
          <View className="muted">
            请输入政务服务中心发给您本人的邀请码（8位，一次有效）。绑定后，这个微信即以该身份使用工作台。
          </View>
          <View className="field">
            <View className="field__label">邀请码</View>
            <Input
              className="input t-invite-code"
              value={code}
              maxlength={16}
              onInput={(e) => setCode(e.detail.value.toUpperCase())}
            />
          </View>
          {error ? <View className="field-error t-bind-error">⚠ {error}</View> : null}
          <ActionButton className="t-bind" disabled={busy || code.trim().length < 4} onClick={submit}>
            {busy ? '正在绑定…' : '绑定'}
          </ActionButton>
        </View>
      )}
    </PageShell>
  );
}
