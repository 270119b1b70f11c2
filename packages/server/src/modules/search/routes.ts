import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { may } from '@openhtm/domain';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { SEARCH_PROVIDERS } from './providers.ts';

const SearchHit = Type.Object({
  kind: Type.String({ description: 'What was found: facility, user, device…' }),
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  href: Type.String({ description: 'Web app path of the record' }),
});

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      config: { action: 'search.read' },
      schema: {
        tags: ['search'],
        summary: 'Global search across the records the user may read',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })) }),
        response: { 200: Type.Object({ items: Type.Array(SearchHit) }) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const limit = request.query.limit ?? 8;
      const providers = SEARCH_PROVIDERS.filter((p) => may(auth, p.action));
      const items = await tx(request, async (trx) => {
        const results = [];
        for (const provider of providers) results.push(...(await provider.search(trx, request.query.q.trim(), limit, auth)));
        return results;
      });
      return { items: items.slice(0, limit * 2) };
    },
  );
};
