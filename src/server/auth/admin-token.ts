/** The admin token: where it comes from (ADMIN_TOKEN, else DATA_DIR/admin-token) and the hook that demands it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, newToken, secretsEqual } from './secrets.js';

/** The file in DATA_DIR that keeps a generated admin token across restarts. */
const ADMIN_TOKEN_FILE = 'admin-token';

/** The token kept in DATA_DIR/admin-token, or undefined when there is none (the file is absent or empty). */
export function readStoredAdminToken(dataDir: string): string | undefined {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Returns the configured admin token, or reads/creates DATA_DIR/admin-token (mode 0600). */
export function resolveAdminToken(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const stored = readStoredAdminToken(dataDir);
  if (stored) return stored;
  mkdirSync(dataDir, { recursive: true });
  const token = newToken();
  writeFileSync(path.join(dataDir, ADMIN_TOKEN_FILE), `${token}\n`, { mode: 0o600 });
  return token;
}

/** An onRequest hook that admits only the admin token (compared in constant time). */
export function requireAdmin(adminToken: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    if (!token || !secretsEqual(token, adminToken)) {
      return reply.code(401).send({ error: 'unauthorized', message: 'Admin token required (Authorization: Bearer <admin token>).' });
    }
  };
}
