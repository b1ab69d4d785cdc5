import ActionButton from '../ActionButton';
import Notice from '../Notice';
import { describeError } from '../../services/errors';
import { useLang } from '../../i18n';

/** A load that failed: what went wrong in words, and a button to try again. */
export default function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { lang, t } = useLang();
  return (
    <Notice
      kind="error"
      action={
        <ActionButton kind="secondary" className="t-retry" onClick={onRetry}>
          {t('common.retry')}
        </ActionButton>
      }
    >
      {describeError(error, lang)}
    </Notice>
  );
}
