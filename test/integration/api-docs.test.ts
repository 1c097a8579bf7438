import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, ErrorBodySchema, HttpRoutes, type HttpRoute } from '@hearth/shared';
import { http } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }>; security?: unknown[] }>>;
}

const meshRoutes = (Object.values(HttpRoutes) as HttpRoute[]).filter((route) => route.only !== 'livekit');
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('[FZ2] the OpenAPI document generated from the route table', () => {
  let hearth: TestHearth;
  let doc: OpenApi;
  beforeAll(async () => {
    hearth = await startHearth();
    const answer = await http<OpenApi>(hearth, 'GET', ApiRoutes.apiDocs);
    expect(answer.status).toBe(200);
    doc = answer.body;
  });
  afterAll(() => hearth.close());

  it('is OpenAPI 3.1 and has every route of the table, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(meshRoutes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
  });

  it('documents every refusal as the typed error body, and the sign-in cookie on facilitator routes', () => {
    for (const route of meshRoutes) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation?.responses['4XX']?.content?.['application/json']?.schema, `${route.method} ${route.path}`).toEqual(JSON.parse(JSON.stringify(ErrorBodySchema)));
      expect(operation?.security, `${route.method} ${route.path}`).toEqual(route.access === 'account' ? [{ signIn: [] }] : undefined);
    }
  });

  it('a plain request to the signalling path is a typed refusal, not an empty 404', async () => {
    expect(await http(hearth, 'GET', ApiRoutes.signal)).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
  });
});

describe('API_DOCS', () => {
  it('off: there is no /api/docs (a typed not_found)', async () => {
    const hearth = await startHearth({ env: { API_DOCS: 'false' } });
    try {
      expect(await http(hearth, 'GET', ApiRoutes.apiDocs)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      expect((await http(hearth, 'GET', ApiRoutes.health)).status).toBe(200);
    } finally {
      await hearth.close();
    }
  });
});
