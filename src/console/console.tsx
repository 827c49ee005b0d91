/** The warehouse console: admin-token sign-in, then one section at a time (chosen in the side menu). */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, getToken, setToken } from './api.js';
import { ImportSection } from './sections/import-section.js';
import { DevicesSection, StaffSection } from './sections/people-sections.js';
import { BatchesSection, HoldsSection, NotificationsSection, ParcelsSection } from './sections/parcel-sections.js';
import { RulesSection } from './sections/rules-section.js';

/** The sections, in menu order; the hash (#import …) remembers the one open. */
const SECTIONS = [
  ['import', '取り込み', 'Import'],
  ['batches', 'バッチ', 'Batches'],
  ['parcels', '出荷一覧', 'Parcels'],
  ['holds', '出荷停止・欠品', 'Holds & short picks'],
  ['devices', '端末', 'Devices'],
  ['staff', 'スタッフ', 'Staff'],
  ['rules', 'ヒューマンタッチ設定', 'Human-touch rules'],
  ['notifications', '通知', 'Notifications'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];

function sectionFromHash(): SectionId {
  const id = location.hash.replace(/^#/, '');
  return (SECTIONS.find((s) => s[0] === id)?.[0] ?? 'import') as SectionId;
}

/** Shared by sections: report an error, or sign out when the token stopped working. */
export type OnError = (error: unknown) => void;

/** The console root. */
export function Console() {
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [section, setSection] = useState<SectionId>(sectionFromHash);
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onError: OnError = (error) => {
    if (error instanceof ApiError && error.status === 401) {
      setToken(null);
      setSignedIn(false);
      setNotice('管理トークンが無効になりました。もう一度サインインしてください / The admin token was refused; sign in again');
      return;
    }
    setNotice(error instanceof Error ? error.message : String(error));
  };

  if (!signedIn) return <SignIn notice={notice} onSignedIn={() => (setSignedIn(true), setNotice(null))} />;
  return (
    <div class="console">
      <nav class="side" aria-label="sections">
        <div class="brand">FloorPack コンソール</div>
        {SECTIONS.map(([id, ja, en]) => (
          <a key={id} href={`#${id}`} class={id === section ? 'active' : ''} data-testid={`nav-${id}`}>
            {ja}
            <small>{en}</small>
          </a>
        ))}
        <button
          class="link"
          data-testid="sign-out"
          onClick={() => {
            setToken(null);
            setSignedIn(false);
          }}
        >
          サインアウト / Sign out
        </button>
      </nav>
      <main class="content">
        {notice && (
          <div class="notice" role="alert" data-testid="console-notice">
            {notice} <button class="link" onClick={() => setNotice(null)}>×</button>
          </div>
        )}
        {section === 'import' && <ImportSection onError={onError} />}
        {section === 'batches' && <BatchesSection onError={onError} />}
        {section === 'parcels' && <ParcelsSection onError={onError} />}
        {section === 'holds' && <HoldsSection onError={onError} />}
        {section === 'devices' && <DevicesSection onError={onError} />}
        {section === 'staff' && <StaffSection onError={onError} />}
        {section === 'rules' && <RulesSection onError={onError} />}
        {section === 'notifications' && <NotificationsSection onError={onError} />}
      </main>
    </div>
  );
}

function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
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
      setError(err instanceof ApiError && err.status === 401 ? '管理トークンが違います / Wrong admin token' : String((err as Error).message));
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
