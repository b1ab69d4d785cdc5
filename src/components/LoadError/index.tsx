import ActionButton from '../ActionButton'
import Notice from '../Notice'
import { describeError } from '../../services/errors'

/** A load that failed: what went wrong in words, and a button to try again. */
export default function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Notice
      kind='error'
      action={
        <ActionButton kind='secondary' className='t-retry' onClick={onRetry}>
          重新加载
        </ActionButton>
      }
    >
      {describeError(error)}
    </Notice>
  )
}
