import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#http/openapi.ts';
import { routes } from '#http/routes.ts';

type Document = { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>> };

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(openApiDocument() as Parameters<Validator['validate']>[0]);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes every route of the table, and only those', () => {
    const document = openApiDocument() as Document;
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(routes.map((r) => r.key).sort());
  });

  it('resolves every $ref to a component', () => {
    const document = openApiDocument() as Document & { components: { schemas: Record<string, unknown> } };
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(name && document.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('asks for a bearer token exactly where the API does', () => {
    const document = openApiDocument() as Document;
    for (const route of routes) {
      const security = document.paths[route.path]?.[route.method.toLowerCase()]?.security;
      expect(security, route.key).toEqual(route.auth === 'jwt' ? [{ bearer: [] }] : []);
    }
  });

  it('says a shipment’s tracking link is a URI, where the ERP sends it and where the order answers it', () => {
    const text = JSON.stringify(openApiDocument());
    const trackingUrls = text.match(/"trackingUrl":\{[^}]*\}/g) ?? [];
    expect(trackingUrls.length).toBeGreaterThanOrEqual(2);
    for (const schema of trackingUrls)
      expect(JSON.parse(schema.slice('"trackingUrl":'.length))).toMatchObject({
        type: 'string',
        format: 'uri',
        maxLength: 2000,
      });
  });
});
