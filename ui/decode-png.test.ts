import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePng } from './decode-png.ts';

// Node has no createImageBitmap, so these exercise the jimp fallback; test/browser covers the native path.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const screens = path.resolve(repoRoot, 'test/fixtures/screens');

describe('decodePng', () => {
  it("falls back to jimp and returns the fixture's exact pixels", async () => {
    const png = new Uint8Array(await readFile(path.join(screens, 'login-primer-light.png')));
    const truth = JSON.parse(await readFile(path.join(screens, 'login-primer-light.json'), 'utf8')) as {
      size: { width: number; height: number };
      colors: { hex: string; pixels: number }[];
    };
    const { image, decoder } = await decodePng(png, 'Login');
    expect(decoder).toBe('jimp');
    expect([image.width, image.height]).toEqual([truth.size.width, truth.size.height]);
    expect(image.data.length).toBe(image.width * image.height * 4);
    // The truth counts exact-match pixels per palette colour, measured from the rendered screen.
    const background = truth.colors[0];
    expect(background?.hex).toBe('#ffffff');
    let white = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      if (image.data[i] === 255 && image.data[i + 1] === 255 && image.data[i + 2] === 255) white++;
    }
    expect(white).toBe(background?.pixels);
  });

  it('turns bytes that are not a PNG into DECODE_FAILED naming the frame', async () => {
    await expect(decodePng(new TextEncoder().encode('<html>not an image</html>'), 'Login')).rejects.toMatchObject({
      code: 'DECODE_FAILED',
      message: expect.stringContaining('“Login”'),
    });
  });

  it('turns a truncated PNG into DECODE_FAILED', async () => {
    const png = new Uint8Array(await readFile(path.join(screens, 'login-primer-light.png')));
    await expect(decodePng(png.slice(0, 200), 'Login')).rejects.toMatchObject({ code: 'DECODE_FAILED' });
  });

  it('refuses an image larger than the export limit before decoding it', async () => {
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x40, 0, 0, 0, 0x40, 0]);
    await expect(decodePng(header, 'Poster')).rejects.toMatchObject({
      code: 'DECODE_FAILED',
      message: expect.stringContaining('16384 × 16384'),
    });
  });
});
