import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * The local provider's storage (sessions, codes, grants, refresh tokens), in memory: it lives as long as `npm start`.
 * oidc-provider's own development adapter does the same but warns on every start.
 */
const stored = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
const grants = new Map<string, Set<string>>();

export class MemoryAdapter implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string) {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    stored.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key));
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const entry = stored.get(this.key(id));
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return entry.payload;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...stored.values()].find((e) => e.payload.userCode === userCode)?.payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...stored.entries()].find(([k, e]) => k.startsWith(`${this.model}:`) && e.payload.uid === uid)?.[1].payload;
  }

  async consume(id: string): Promise<void> {
    const entry = stored.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    stored.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grants.get(grantId) ?? []) stored.delete(key);
    grants.delete(grantId);
  }
}
