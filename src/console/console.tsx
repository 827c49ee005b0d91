/** The warehouse console: admin-token sign-in, then one section at a time (chosen in the side menu) or a parcel's page. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminWarehouse, AdminWarehousesResponse } from '../shared/protocol/admin-console.js';
import type { AdminCatalogueResponse } from '../shared/protocol/admin-parcel.js';
import { api, getToken, setToken, type OnError } from './api.js';
import { ConsoleDataContext, type ConsoleData } from './console-context.js';
import { failureNotice } from './failure-notice.js';
import { parcelIdFromHash, SECTIONS, sectionFromHash, type SectionId } from './section-menu.js';
import { CatalogueSection, PracticeSection } from './sections/catalogue-sections.js';
import { FlagsSection } from './sections/flags-section.js';
import { ImportSection } from './sections/import-section.js';
import { BatchesSection, NotificationsSection } from './sections/listing-sections.js';
import { ParcelPage } from './sections/parcel-page.js';
import { HoldsSection, ParcelsSection } from './sections/parcel-sections.js';
import { DevicesSection, StaffSection } from './sections/people-sections.js';
import { RulesSection } from './sections/rules-section.js';
import { SettingsSection } from './sections/settings-section.js';
import { ShippingSection } from './sections/shipping-section.js';
import { SignIn } from './sign-in.js';

/** The warehouses (with their time zones) and the ranks, loaded once after sign-in. */
function useConsoleData(signedIn: boolean, onError: OnError): [ConsoleData, (w: AdminWarehouse) => void] {
  const [data, setData] = useState<ConsoleData>({ warehouses: [], ranks: [] });
  useEffect(() => {
    if (!signedIn) return;
    api<AdminWarehousesResponse>('GET', '/api/admin/warehouses').then((d) => setData((old) => ({ ...old, warehouses: d.warehouses })), onError);
    api<AdminCatalogueResponse>('GET', '/api/admin/catalogue').then((d) => setData((old) => ({ ...old, ranks: d.ranks })), onError);
  }, [signedIn]);
  const replaceWarehouse = (w: AdminWarehouse) => setData((old) => ({ ...old, warehouses: old.warehouses.map((x) => (x.id === w.id ? w : x)) }));
  return [data, replaceWarehouse];
}

/** The console root. */
export function Console() {
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const section: SectionId = sectionFromHash(hash);

  const signOut = () => {
    setToken(null);
    setSignedIn(false);
  };
  const onError: OnError = (error) => {
    const failure = failureNotice(error);
    if (failure.signOut) signOut();
    setNotice(failure.notice);
  };
  const [data, replaceWarehouse] = useConsoleData(signedIn, onError);

  if (!signedIn) return <SignIn notice={notice} onSignedIn={() => (setSignedIn(true), setNotice(null))} />;
  const shipmentId = parcelIdFromHash(hash);
  // The parcel page belongs to the parcel list in the menu.
  const menuSection = section === 'parcel' ? 'parcels' : section;
  return (
    <ConsoleDataContext.Provider value={data}>
      <div class="console">
        <nav class="side" aria-label="sections">
          <div class="brand">FloorPack コンソール</div>
          {SECTIONS.map(([id, ja, en]) => (
            <a key={id} href={`#${id}`} class={id === menuSection ? 'active' : ''} data-testid={`nav-${id}`}>
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
          {section === 'parcel' && shipmentId && <ParcelPage shipmentId={shipmentId} onError={onError} />}
          {section === 'holds' && <HoldsSection onError={onError} />}
          {section === 'flags' && <FlagsSection onError={onError} />}
          {section === 'devices' && <DevicesSection onError={onError} />}
          {section === 'staff' && <StaffSection onError={onError} />}
          {section === 'catalogue' && <CatalogueSection onError={onError} />}
          {section === 'rules' && <RulesSection onError={onError} />}
          {section === 'shipping' && <ShippingSection onError={onError} />}
          {section === 'notifications' && <NotificationsSection onError={onError} />}
          {section === 'practice' && <PracticeSection />}
          {section === 'settings' && <SettingsSection onError={onError} onWarehouseSaved={replaceWarehouse} />}
        </main>
      </div>
    </ConsoleDataContext.Provider>
  );
}
