/** What a flow tells the worker after every scan or tap: a tone (sound, vibration, colour) and a message. */

/** Every message a flow can give; the words live in the app's i18n catalogue (src/app/i18n). */
export const MESSAGE_KEYS = [
  // --- any flow (flow.ts) ---
  'scan.misread',
  // --- packing (flows/pack.ts) ---
  'pack.prompt.slip',
  'pack.prompt.items',
  'pack.slip.ok',
  'pack.slip.unknown',
  'pack.slip.held',
  'pack.slip.packed',
  'pack.slip.giftUnknown',
  'pack.slip.insertUnknown',
  'pack.slip.productUnknown',
  'pack.slip.otherInProgress',
  'pack.item.ok',
  'pack.item.lineDone',
  'pack.item.allDone',
  'pack.item.wrong',
  'pack.item.over',
  'pack.item.unknown',
  'pack.item.noParcel',
  'pack.insert.ok',
  'pack.insert.wrong',
  'pack.insert.already',
  'pack.gift.ok',
  'pack.humanTouch.ok',
  'pack.complete.notReady',
  'pack.complete.ok',
  'pack.cancel.ok',
  // --- the label step of packing (flows/pack-label.ts) ---
  'pack.prompt.boxes',
  'pack.prompt.label',
  'pack.boxes.ok',
  'pack.boxes.invalid',
  'pack.label.ok',
  'pack.label.allDone',
  'pack.label.wrong',
  'pack.label.same',
  'pack.label.notYet',
  'pack.label.boxesFirst',
  'pack.label.tooMany',
  'pack.label.required',
  'pack.label.skipped',
  // --- picking (flows/pick.ts) ---
  'pick.prompt.claim',
  'pick.prompt.location',
  'pick.prompt.item',
  'pick.noBatch',
  'pick.batch.claimed',
  'pick.batch.taken',
  'pick.batch.gone',
  'pick.batch.notSynced',
  'pick.batch.busy',
  'pick.batch.lost',
  'pick.batch.done',
  'pick.location.ok',
  'pick.location.wrong',
  'pick.location.first',
  'pick.item.ok',
  'pick.item.wrong',
  'pick.item.unknown',
  'pick.scan.notItem',
  'pick.stop.done',
  'pick.qty.scanFirst',
  'pick.qty.invalid',
  'pick.short.ok',
  'pick.short.invalid',
  // --- returns (flows/return.ts) ---
  'return.prompt.slip',
  'return.prompt.items',
  'return.slip.ok',
  'return.slip.unknown',
  'return.slip.notShipped',
  'return.slip.already',
  'return.slip.otherInProgress',
  'return.slip.same',
  'return.order.offline',
  'return.order.invalid',
  'return.item.ok',
  'return.item.unexpected',
  'return.item.over',
  'return.item.unknown',
  'return.item.notItem',
  'return.item.noParcel',
  'return.item.codeTooLong',
  'return.unit.updated',
  'return.unit.removed',
  'return.save.empty',
  'return.save.reasonMissing',
  'return.save.reasonUnknown',
  'return.save.tooBig',
  'return.save.ok',
  'return.cancel.ok',
  // --- loading (flows/load.ts) ---
  'load.prompt.carrier',
  'load.prompt.scan',
  'load.carrier.first',
  'load.carrier.ok',
  'load.carrier.inProgress',
  'load.label.notLabel',
  'load.label.invalid',
  'load.label.unknown',
  'load.label.already',
  'load.label.ok',
  'load.parcel.held',
  'load.parcel.wrongCarrier',
  'load.parcel.notPacked',
  'load.cancel.loaded',
  'load.cancel.ok',
  'load.close.ok',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** A message key with the values it shows. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** ok: a unit ticked; warning: nothing wrong but look; error: refused, nothing recorded; complete: parcel done. */
export type Tone = 'ok' | 'warning' | 'error' | 'complete';

/** The answer to one scan or tap. */
export interface Feedback {
  tone: Tone;
  message: Message;
}
