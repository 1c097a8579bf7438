import { ErrorBodySchema, type HttpRoute } from '@hearth/shared';

/**
 * Fastify route options from an entry of the shared route table (`HttpRoutes`): method, URL and schemas
 * come from the table, so no path or schema is spelled again here. Every route also answers refusals as
 * `ErrorBody` (4xx) and unexpected failures as `internal_error` (5xx): the serializer then refuses to send
 * anything else, and the OpenAPI document says so.
 *
 *   r.route({ ...fromTable(HttpRoutes.groupAgenda), handler: async (request, reply) => ... })
 */
export function fromTable<const R extends HttpRoute>(route: R) {
  const schema = {
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'account' ? { security: [{ signIn: [] }] } : {}),
    params: route.params as R['params'],
    querystring: route.querystring as R['querystring'],
    body: route.body as R['body'],
    response: { ...(route.response as R['response']), '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
  };
  // Fastify warns about a schema key that is present but empty, so a route without params has no key at all.
  for (const key of ['params', 'querystring', 'body'] as const) if (schema[key] === undefined) delete schema[key];
  return { method: route.method, url: route.path, schema };
}
