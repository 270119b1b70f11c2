import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; any GET that is not an API or asset path gets index.html (client-side routing). */
export async function registerWebApp(app: FastifyInstance, dist: string): Promise<void> {
  // index.html is read per request (it is small): a rebuild of the web app then serves the new asset names at once.
  const indexFile = path.join(dist, 'index.html');
  await fs.access(indexFile);
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: false });
  const sendIndex = async (reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await fs.readFile(indexFile, 'utf8'));
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/') || urlPath.startsWith('/fhir/')) {
      return reply.callNotFound();
    }
    const file = path.join(dist, path.normalize(urlPath));
    if (file.startsWith(dist + path.sep) && (await fs.stat(file).then((s) => s.isFile(), () => false))) {
      const cacheable = urlPath.startsWith('/assets/');
      return reply.header('cache-control', cacheable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(path.relative(dist, file));
    }
    if (path.extname(urlPath)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
