import { describe, expect, it } from 'vitest';
import { isCleartext, isLoopbackHost, isSameSite, siteOf } from '../../src/engine/inspectors/transport.ts';

describe('transport', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', 'api.localhost', '127.0.0.1', '127.10.0.3', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['localhost.example.com', '10.0.0.1', '128.0.0.1', 'insecure.leaklens.test', '127.0.0.1.nip.io']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('calls http:// and ws:// to a non-loopback host cleartext, loopback only with the option', () => {
    expect(isCleartext(new URL('http://legacy.example.test/login'))).toBe(true);
    expect(isCleartext(new URL('ws://legacy.example.test/socket'))).toBe(true);
    expect(isCleartext(new URL('https://legacy.example.test/login'))).toBe(false);
    expect(isCleartext(new URL('wss://legacy.example.test/socket'))).toBe(false);
    expect(isCleartext(new URL('http://localhost:3000/api'))).toBe(false);
    expect(isCleartext(new URL('http://127.0.0.1/api'))).toBe(false);
    expect(isCleartext(new URL('http://localhost:3000/api'), { reportLoopbackCleartext: true })).toBe(true);
  });

  it('approximates the registrable domain', () => {
    expect(siteOf('app.leaklens.test')).toBe('leaklens.test');
    expect(siteOf('api.leaklens.test')).toBe('leaklens.test');
    expect(siteOf('shop.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('a.b.example.com')).toBe('example.com');
    expect(siteOf('192.168.1.20')).toBe('192.168.1.20');
    expect(siteOf('localhost')).toBe('localhost');
    expect(isSameSite('app.leaklens.test', 'api.leaklens.test')).toBe(true);
    expect(isSameSite('app.leaklens.test', 'analytics.thirdparty.test')).toBe(false);
  });
});
