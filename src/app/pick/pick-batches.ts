/**
 * The pulled pick batches and picking settings, kept in memory (app-state.ts) for the pick screen.
 * Sync feeds every pulled page in here; the pick flow's lookups read it (pick-entry.ts).
 * Part of the main bundle (small: no flow code).
 */
import { compileLocationFormat, type LocationFormat } from '../../shared/picking/location.js';
import { DEFAULT_PICK_SETTINGS, type PickSettings } from '../../shared/picking/pick-settings.js';
import type { PickBatch } from '../../shared/protocol/pick.js';
import type { PullResponse } from '../../shared/protocol/sync.js';

/** Open and claimed batches by id, and the settings (with their compiled location format) in force. */
export class PickBatches {
  readonly byId = new Map<string, PickBatch>();
  settings: PickSettings = DEFAULT_PICK_SETTINGS;
  format: LocationFormat = compileLocationFormat(DEFAULT_PICK_SETTINGS.locationFormat);

  constructor(batches: PickBatch[] = [], settings: PickSettings = DEFAULT_PICK_SETTINGS) {
    for (const b of batches) this.byId.set(b.batchId, b);
    this.setSettings(settings);
  }

  /** Takes in one pulled page (already stored by applyPullPage). */
  onPullPage(page: PullResponse): void {
    for (const batch of page.batches ?? []) {
      if (batch.status === 'open' || batch.status === 'claimed') this.byId.set(batch.batchId, batch);
      else this.byId.delete(batch.batchId);
    }
    if (page.pickSettings) this.setSettings(page.pickSettings);
  }

  /** Open and claimed batches, oldest first (the list on the pick screen). */
  list(): PickBatch[] {
    return [...this.byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.batchId.localeCompare(b.batchId)));
  }

  private setSettings(settings: PickSettings): void {
    try {
      this.format = compileLocationFormat(settings.locationFormat);
      this.settings = settings;
    } catch {
      // A format the device cannot compile: keep the last good one rather than stop picking.
    }
  }
}
