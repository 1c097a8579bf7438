import { describe, expect, it } from 'vitest';
import { isPublicAddress, webhookUrlRefusal } from '../../server/src/modules/distress/oncall-address.js';

describe('[OC4] where an on-call webhook may point', () => {
  it('counts only public unicast addresses as public', () => {
    for (const inward of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-address']) {
      expect(isPublicAddress(inward), inward).toBe(false);
    }
    for (const outward of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(outward), outward).toBe(true);
    }
  });

  it('takes https to a public name, and refuses plain http, credentials and private addresses', () => {
    expect(webhookUrlRefusal('https://oncall.example.org/hook', [])).toBeUndefined();
    expect(webhookUrlRefusal('https://8.8.8.8/hook', [])).toBeUndefined();
    expect(webhookUrlRefusal('http://oncall.example.org/hook', [])).toMatch(/https/);
    expect(webhookUrlRefusal('https://user:pass@oncall.example.org/hook', [])).toMatch(/user name or password/);
    for (const inward of ['https://127.0.0.1/hook', 'https://2130706433/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::ffff:10.0.0.1]/', 'https://10.0.0.5:8443/']) {
      expect(webhookUrlRefusal(inward, []), inward).toMatch(/public internet/);
    }
    expect(webhookUrlRefusal('not a url', [])).toMatch(/full URL/);
  });

  it('lets the operator allow a development host, over http and on a loopback address', () => {
    expect(webhookUrlRefusal('http://127.0.0.1:9000/hook', ['127.0.0.1'])).toBeUndefined();
    expect(webhookUrlRefusal('http://127.0.0.1:9000/hook', ['127.0.0.1:9000'])).toBeUndefined();
    expect(webhookUrlRefusal('http://127.0.0.1:9001/hook', ['127.0.0.1:9000'])).toMatch(/public internet/);
    expect(webhookUrlRefusal('http://localhost:9000/hook', ['127.0.0.1'])).toMatch(/https/);
  });
});
