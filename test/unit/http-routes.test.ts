import { describe, expect, it } from 'vitest';
import Type from 'typebox';
import { HttpRoutes, pathTo, routeKey, successSchemas, type HttpRoute } from '@hearth/shared';

const routes = Object.entries(HttpRoutes) as [string, HttpRoute][];

describe('[AU4] the shared route table', () => {
  it.each(routes)('%s: every :name in the path has a params schema property, and nothing else', (_name, route) => {
    const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
    const inSchema = Object.keys((route.params as { properties?: object } | undefined)?.properties ?? {}).sort();
    expect(inSchema).toEqual(inPath);
  });

  it('no two routes share a method and path', () => {
    const keys = routes.map(([, route]) => routeKey(route));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every route but the signalling upgrade and the answers with no body has a successful answer to check', () => {
    const noBody = ['signal', 'logout', 'forgotPassword', 'resetPassword', 'signOutEverywhere', 'removeCoFacilitator'];
    for (const [name, route] of routes) if (!noBody.includes(name)) expect(successSchemas(route).length, name).toBeGreaterThan(0);
  });

  it('pathTo fills each parameter, encoded, and refuses a missing one', () => {
    expect(pathTo(HttpRoutes.groupRulesVersion, { groupId: 'g/1', version: 3 })).toBe('/api/groups/g%2F1/rules/versions/3');
    expect(() => pathTo(HttpRoutes.groupAgenda, {} as { groupId: string })).toThrow(/:groupId/);
  });

  it('successSchemas leaves out a 204 (no body)', () => {
    expect(successSchemas({ ...HttpRoutes.logout })).toEqual([]);
    expect(successSchemas({ ...HttpRoutes.saveGroupRules })).toHaveLength(2);
    expect(successSchemas({ method: 'GET', path: '/x', access: 'public', tag: 'service', summary: '', response: { 200: Type.String() } })).toHaveLength(1);
  });
});
