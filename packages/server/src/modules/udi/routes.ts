import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseScannedUdi } from './present.ts';
import { UdiParseBody, UdiParseOut } from './schema.ts';

export const udiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/udi/parse',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags: ['udi'],
        summary: 'Parse a scanned or typed UDI (GS1, HIBCC, ICCBBA): its fields, and every problem such as a wrong check digit',
        body: UdiParseBody,
        response: { 200: UdiParseOut },
      },
    },
    async (request) => parseScannedUdi(request.body.text),
  );
};
