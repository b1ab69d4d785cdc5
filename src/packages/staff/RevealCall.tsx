import { useState } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../../components/ActionButton';
import CallButton from '../../components/CallButton';
import { describeError } from '../../services/errors';
import type { RevealedContact } from '../../services/workbench';
import { AppError } from '../../services/result';
import { formatChinaDateTime } from '../../utils/format';
import { a11yRole } from '../../utils/a11y';

/**
 * 查看完整号码并拨打: the masked number becomes the full one only on a tap the server records
 * (workbench.revealContact / revealBookingContact), then one tap dials it. The number lives in
 * this component's memory only, never in storage.
 */
export default function RevealCall({
  reveal,
  name,
  onRevealed,
}: {
  reveal: () => Promise<RevealedContact>;
  name: string;
  /** the page may show the full number elsewhere too (the applicant line of a case) */
  onRevealed?: (contact: RevealedContact) => void;
}) {
  const [revealed, setRevealed] = useState<RevealedContact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const go = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const contact = await reveal();
      setRevealed(contact);
      onRevealed?.(contact);
    } catch (e) {
      setError(
        e instanceof AppError && e.code === 'NOT_FOUND'
          ? '只有经办的帮代办员、本单位责任领导和政务服务中心可以查看完整号码。'
          : describeError(e),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`t-reveal-${name}`}>
      {revealed ? (
        <View className="t-revealed">
          {revealed.contactPhone ? (
            <CallButton
              phone={revealed.contactPhone}
              label={`拨打 ${revealed.contactPhone}`}
              className="t-call-applicant"
            />
          ) : null}
          <View className="muted">已于 {formatChinaDateTime(revealed.revealedAt)} 查看完整号码，已留记录。</View>
        </View>
      ) : (
        <ActionButton kind="secondary" className="btn--small t-reveal-phone" disabled={busy} onClick={go}>
          {busy ? '正在获取号码…' : '查看完整号码并拨打（将留记录）'}
        </ActionButton>
      )}
      {error ? (
        <View className="field-error t-reveal-error" {...a11yRole('alert')}>
          ⚠ {error}
        </View>
      ) : null}
    </View>
  );
}
