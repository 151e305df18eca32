import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '#domain/webhook-endpoint.ts';
import { isPublicAddress } from '#functions/webhooks/public-address.ts';
import { createWebhookSender } from '#functions/webhooks/sender.ts';

const onAws = createWebhookSender({ publicOnly: true, timeoutMs: 2000 });
const request = (url: string) => ({ url, headers: {}, body: '{}' });

describe('where a webhook may go on AWS', () => {
  it('never to a private, loopback, link-local or otherwise non-public address', () => {
    const refused = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
      'not an address',
    ];
    expect(refused.filter(isPublicAddress)).toEqual([]);
    expect(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '52.94.236.248'].every(isPublicAddress)).toBe(true);
  });

  it('refuses plain http, an address literal that is not public, and a name that resolves to one', async () => {
    expect(await onAws.send(request('http://8.8.8.8/hook'))).toEqual({ error: 'only https webhook URLs are called' });
    expect(await onAws.send(request('https://169.254.169.254/latest/meta-data'))).toEqual({
      error: '169.254.169.254 is not a public address',
    });
    expect(await onAws.send(request('https://[::ffff:127.0.0.1]:9/hook'))).toMatchObject({
      error: expect.stringContaining('not a public address'),
    });
    // localhost resolves (from /etc/hosts, no network needed) to loopback: refused before any connection is made.
    expect(await onAws.send(request('https://localhost:9/hook'))).toMatchObject({
      error: expect.stringMatching(/^localhost resolves to .* not a public address$/),
    });
  });

  it('registers only https URLs without credentials (http too, locally)', () => {
    expect(webhookUrlProblem('https://erp.example.com/hooks', true)).toBeUndefined();
    expect(webhookUrlProblem('http://erp.example.com/hooks', true)).toBe('an https URL');
    expect(webhookUrlProblem('http://127.0.0.1:9000/hooks', false)).toBeUndefined();
    expect(webhookUrlProblem('ftp://erp.example.com/', false)).toBe('an https URL');
    expect(webhookUrlProblem('https://user:pw@erp.example.com/', true)).toMatch(/without a user name/);
    expect(webhookUrlProblem('erp.example.com/hooks', true)).toMatch(/absolute URL/);
  });
});
