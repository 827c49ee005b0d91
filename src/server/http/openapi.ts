/** The OpenAPI document: every route's zod schema, described once, served at /api/openapi.json. */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Registers the document builder (before any route, so it sees them all) and the route that serves it. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'floorpack sync server', version: '0.1.0', description: 'Enrolment, pull and push for the floorpack handheld app.' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Device token from POST /api/enrol' },
          admin: { type: 'http', scheme: 'bearer', description: 'Admin token (ADMIN_TOKEN or DATA_DIR/admin-token)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { tags: ['ops'], summary: 'This OpenAPI document' } }, async () => app.swagger());
}
