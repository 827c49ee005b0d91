/** The warehouse console: admin-token sign-in, then one section at a time (chosen in the side menu). */
import { useEffect, useState } from 'preact/hooks';
import { getToken, setToken, type OnError } from './api.js';
import { failureNotice } from './failure-notice.js';
import { SECTIONS, sectionFromHash, type SectionId } from './section-menu.js';
import { ImportSection } from './sections/import-section.js';
import { BatchesSection, NotificationsSection } from './sections/listing-sections.js';
import { HoldsSection, ParcelsSection } from './sections/parcel-sections.js';
import { DevicesSection, StaffSection } from './sections/people-sections.js';
import { RulesSection } from './sections/rules-section.js';
import { ShippingSection } from './sections/shipping-section.js';
import { SignIn } from './sign-in.js';

/** The console root. */
export function Console() {
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signOut = () => {
    setToken(null);
    setSignedIn(false);
  };
  const onError: OnError = (error) => {
    const failure = failureNotice(error);
    if (failure.signOut) signOut();
    setNotice(failure.notice);
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
        <button class="link" data-testid="sign-out" onClick={signOut}>
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
        {section === 'shipping' && <ShippingSection onError={onError} />}
      </main>
    </div>
  );
}
