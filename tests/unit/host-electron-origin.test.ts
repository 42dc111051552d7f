import { describe, expect, it } from 'vitest';
import { builtAppOrigin, originOf } from '../../electron/main/origin';

describe('originOf', () => {
  it('gives the custom app scheme a real origin, which URL.origin does not', () => {
    expect(new URL('wings://app/index.html').origin).toBe('null');
    expect(originOf('wings://app/index.html')).toBe(builtAppOrigin);
    expect(originOf('wings://app/tickets/4?x=1')).toBe(builtAppOrigin);
  });

  it('tells apart hosts, ports and schemes that only look alike', () => {
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('http://localhost:5173.evil.example/')).not.toBe('http://localhost:5173');
    expect(originOf('wings://app.evil/')).not.toBe(builtAppOrigin);
    expect(originOf('wings://app@evil/')).not.toBe(builtAppOrigin);
    expect(originOf('https://app/')).not.toBe(builtAppOrigin);
  });

  it('has no origin for file:, data: and garbage', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
