import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayP3IccProfile, iccpChunk } from '../../server/decode/testing/display-p3-icc.ts';
import { encodeTestPng } from '../../server/decode/testing/encode-png.ts';
import { runCli } from './run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-cli-profiles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A flat screen: white with a #3366cc block, its pixels stored in Display P3 (iCCP) or untagged. */
function screen(tagged: boolean): Uint8Array {
  return encodeTestPng({
    width: 64,
    height: 64,
    colorType: 2,
    bitDepth: 8,
    samples: (x, y) => (x >= 16 && x < 48 && y >= 16 && y < 48 ? [0x33, 0x66, 0xcc] : [255, 255, 255]),
    extraChunks: tagged ? [iccpChunk(displayP3IccProfile())] : [],
  });
}

function withinOneLevel(a: string, b: string): boolean {
  return [1, 3, 5].every((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= 1);
}

describe('chorus extract on images with a colour profile', () => {
  it('measures a Display P3 screenshot as the sRGB it shows, an untagged one as stored', async () => {
    const p3 = path.join(dir, 'p3.png');
    const plain = path.join(dir, 'plain.png');
    await Promise.all([writeFile(p3, screen(true)), writeFile(plain, screen(false))]);
    const { code, stdout, stderr } = await runCli(['--json', '--no-ai', p3, plain], { CHORUS_DATA_DIR: path.join(dir, 'data') });
    expect(code, stderr).toBe(0);
    const [tagged, untagged] = (JSON.parse(stdout) as { results: { colors: { hex: string }[] }[] }).results;
    // #3366cc in Display P3 is sRGB #1b68d3 (issue 11); through this ICC profile's 16.16-rounded
    // primaries Chromium itself decodes it to (26, 104, 211): one level either way is the same colour.
    expect(tagged!.colors.some((c) => withinOneLevel(c.hex, '#1b68d3')), tagged!.colors.map((c) => c.hex).join(' ')).toBe(true);
    expect(tagged!.colors.map((c) => c.hex)).not.toContain('#3366cc');
    expect(untagged!.colors.map((c) => c.hex)).toContain('#3366cc');
  });
});
