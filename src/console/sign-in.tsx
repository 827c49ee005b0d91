/** The sign-in form: the admin token is kept for this tab only once the server has accepted it. */
import { useState } from 'preact/hooks';
import { api, setToken } from './api.js';
import { signInFailure } from './failure-notice.js';

/** Asks for the admin token; `notice` says why it is asked again (the server refused the old one). */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const [token, setTokenInput] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      // Any admin route proves the token; nothing is kept unless it works.
      await api('GET', '/api/admin/warehouses', undefined, token.trim());
      setToken(token.trim());
      onSignedIn();
    } catch (err) {
      setError(signInFailure(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="signin" onSubmit={submit} data-testid="console-signin">
      <h1>FloorPack 倉庫コンソール</h1>
      <p>管理トークンを入力してください（サーバー起動時に表示、または DATA_DIR/admin-token）。 / Enter the admin token.</p>
      <input type="password" autocomplete="off" value={token} onInput={(e) => setTokenInput(e.currentTarget.value)} data-testid="console-token" aria-label="admin token" required />
      <button type="submit" disabled={busy || !token.trim()} data-testid="console-signin-submit">
        サインイン / Sign in
      </button>
      {error && (
        <p class="error" role="alert" data-testid="console-signin-error">
          {error}
        </p>
      )}
    </form>
  );
}
