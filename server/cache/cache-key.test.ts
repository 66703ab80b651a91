import { describe, expect, it } from 'vitest';
import { CacheError } from './cache-error.ts';
import { cacheKey, isCacheKey, sha256Hex } from './cache-key.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

// SHA-256 test vectors from NIST FIPS 180-2, appendix B (and the empty-message digest).
describe('sha256Hex against the published SHA-256 test vectors', () => {
  it.each([
    { message: 'abc', digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { message: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', digest: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1' },
    { message: '', digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  ])('hashes "$message"', async ({ message, digest }) => {
    expect(await sha256Hex(utf8(message))).toBe(digest);
  });

  it('hashes only the bytes of a view, not its whole buffer', async () => {
    const view = utf8('xabcx').subarray(1, 4);
    expect(await sha256Hex(view)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('cacheKey', () => {
  const parts = { imageSha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', extractorId: 'openai-vision', model: 'gpt-4o', promptVersion: '3' };

  it('is a stable 64-digit hex digest', async () => {
    const key = await cacheKey(parts);
    expect(isCacheKey(key)).toBe(true);
    expect(await cacheKey({ ...parts })).toBe(key);
  });

  it('changes with each part', async () => {
    const keys = new Set([
      await cacheKey(parts),
      await cacheKey({ ...parts, imageSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
      await cacheKey({ ...parts, extractorId: 'anthropic-vision' }),
      await cacheKey({ ...parts, model: 'gpt-4.1-mini' }),
      await cacheKey({ ...parts, promptVersion: '4' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('cannot be made to collide by moving text between parts', async () => {
    expect(await cacheKey({ ...parts, extractorId: 'a|b', model: '' })).not.toBe(await cacheKey({ ...parts, extractorId: 'a', model: 'b|' }));
  });

  it('refuses an image hash that is not a hex SHA-256', async () => {
    await expect(cacheKey({ ...parts, imageSha256: '../../etc/passwd' })).rejects.toBeInstanceOf(CacheError);
    await expect(cacheKey({ ...parts, imageSha256: parts.imageSha256.toUpperCase() })).rejects.toMatchObject({ code: 'BAD_KEY' });
  });
});
