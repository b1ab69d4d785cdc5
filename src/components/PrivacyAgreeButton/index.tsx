import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import ActionButton from '../ActionButton';
import { PRIVACY_AGREE_BUTTON_ID } from '../../utils/wxPrivacy';

interface Props {
  children: ReactNode;
  onAgree: () => void;
  disabled?: boolean;
  className?: string;
}

/**
 * 同意隐私指引. On WeChat it is the platform's agreePrivacyAuthorization button, so the one tap
 * is also WeChat's own consent record and WeChat never shows its popup on top of ours; in the
 * browser a plain button.
 */
export default function PrivacyAgreeButton({ children, onAgree, disabled, className }: Props) {
  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <ActionButton className={className} disabled={disabled} onClick={onAgree}>
        {children}
      </ActionButton>
    );
  }
  return (
    <Button
      id={PRIVACY_AGREE_BUTTON_ID}
      className={`btn btn--primary btn--native${disabled ? ' btn--disabled' : ''}${className ? ` ${className}` : ''}`}
      openType="agreePrivacyAuthorization"
      disabled={disabled}
      onAgreePrivacyAuthorization={disabled ? undefined : onAgree}
    >
      {children}
    </Button>
  );
}
