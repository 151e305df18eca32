import type { RouteKey } from '#http/routes.ts';

/** One request through the local HTTP API, timed from the client: what the cost model counts as a request. */
export interface ApiCall {
  route: RouteKey;
  ms: number;
  status: number;
}

export interface ApiAnswer {
  status: number;
  text: string;
}

/** A fetch that names the route it calls and keeps every call's latency and status. */
export const apiClient = (baseUrl: string) => {
  const calls: ApiCall[] = [];
  return {
    calls,
    async call(route: RouteKey, pathOrUrl: string, init: RequestInit = {}): Promise<ApiAnswer> {
      const started = performance.now();
      const response = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${baseUrl}${pathOrUrl}`, init);
      const text = await response.text();
      calls.push({ route, ms: performance.now() - started, status: response.status });
      return { status: response.status, text };
    },
  };
};

export type ApiClient = ReturnType<typeof apiClient>;

export const expectStatus = (answer: ApiAnswer, ok: number[], what: string): ApiAnswer => {
  if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer;
};
