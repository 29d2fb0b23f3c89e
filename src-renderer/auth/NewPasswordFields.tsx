import { useTranslation } from 'react-i18next';

/**
 * A new password typed twice, with the rules under it and the form's error: the same
 * fields wherever a password is set (the first start, Settings → Сотрудники).
 */
export function NewPasswordFields(props: { password: string; repeat: string; onPassword: (v: string) => void; onRepeat: (v: string) => void; error: string | null; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('auth.newPassword')}
        <input type="password" autoComplete="new-password" value={props.password} onChange={(e) => props.onPassword(e.target.value)} autoFocus={props.autoFocus} />
      </label>
      <label>
        {t('auth.repeatPassword')}
        <input type="password" autoComplete="new-password" value={props.repeat} onChange={(e) => props.onRepeat(e.target.value)} />
      </label>
      <p className="muted small">{t('auth.passwordHint')}</p>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}
