import { useState, type FormEvent } from 'react';
import { useToken } from '../lib/auth';
import { useT } from '../lib/i18n';

/** Sign-in with a token (the dev tokens of `pnpm token`, or one an administrator issues). */
export function SignIn() {
  const { t } = useT();
  const { signIn, refused } = useToken();
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInvalid(!signIn(draft));
  };
  return (
    <form className="sign-in panel" onSubmit={submit}>
      <h2>{t('signInTitle')}</h2>
      <p className="muted">{t('signInHelp')}</p>
      {(invalid || refused) && <p className="failure" role="alert">{t('tokenInvalid')}</p>}
      <label>
        {t('signInToken')}
        <textarea value={draft} onChange={(event) => setDraft(event.target.value)} rows={4} spellCheck={false} />
      </label>
      <button type="submit" disabled={!draft.trim()}>
        {t('signIn')}
      </button>
    </form>
  );
}
