import { http } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /openapi.json'), async () => ({
  status: 200,
  body: openApiDocument(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
