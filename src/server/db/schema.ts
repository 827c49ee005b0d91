/**
 * The server's tables (drizzle pg-core). One schema for PGlite and PostgreSQL; migrations are generated
 * from this file with `npm run db:generate`. Persisted: never rename a column without a migration.
 */
export * from './tables/core.js';
export * from './tables/catalogue.js';
export * from './tables/parcels.js';
export * from './tables/returns.js';
export * from './tables/supervision.js';
export * from './tables/shipping.js';
