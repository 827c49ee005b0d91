/**
 * Server replies checked against the shared wire format. Loaded lazily by api.ts so zod stays out
 * of the main bundle (this chunk is precached by the service worker, so it also works offline). The
 * schemas are zod/mini: this chunk is ~9 kB gzip, ~8 of them zod's core. Take no value from
 * protocol/events.ts or push-request.ts here (types are fine): their schemas would come along.
 * The device's record checks (store/record-checks.ts) take the schemas they share with the replies
 * from here, so both load zod from this one chunk instead of splitting it into three.
 */
export { PUSH_MAX_EVENTS } from '../../shared/protocol/sync.js';
export { catalogueSchema } from '../../shared/domain/catalogue.js';
export { parcelSchema } from '../../shared/domain/parcel.js';
export { pickBatchSchema, pickSettingsSchema } from '../../shared/protocol/pick.js';
import { deviceInfoSchema, enrolResponseSchema, pullResponseSchema, pushResponseSchema } from '../../shared/protocol/sync.js';

/** Parsers per endpoint; each throws on a reply that is not the wire format. */
export const parseReply = {
  enrol: (body: unknown) => enrolResponseSchema.parse(body),
  device: (body: unknown) => deviceInfoSchema.parse(body),
  pull: (body: unknown) => pullResponseSchema.parse(body),
  push: (body: unknown) => pushResponseSchema.parse(body),
};
