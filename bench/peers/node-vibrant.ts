import { Jimp } from 'jimp';
import { Vibrant } from 'node-vibrant/node';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { Peer } from '../peer.ts';

// node-vibrant's image types, reached through its public constructor rather than its internal @vibrant/image package.
type VibrantOptions = NonNullable<ConstructorParameters<typeof Vibrant>[1]>;
type VibrantImageClass = NonNullable<VibrantOptions['ImageClass']>;
type VibrantImage = InstanceType<VibrantImageClass>;
type VibrantImageData = ReturnType<VibrantImage['getImageData']>;
type VibrantScaleOptions = Parameters<VibrantImage['scaleDown']>[0];

/** The part of a jimp 1.6 image this file uses (jimp's own instance type is `any`-based). */
interface ResizableBitmap {
  resize(options: { w: number; h: number }): ResizableBitmap;
  readonly bitmap: { readonly data: Buffer; readonly width: number; readonly height: number };
}

/**
 * An Image for node-vibrant that starts from already-decoded RGBA, so the peer is timed on
 * extraction alone, like the others. Its stock Node image decodes the PNG with jimp 0.22
 * and downsamples with jimp's default two-pass resize; the resize here is the same
 * algorithm (jimp 1.6's port), so the palette matches the file-path API's.
 */
function imageClassFor(source: RgbaImage): VibrantImageClass {
  return class DecodedImage implements VibrantImage {
    private pixels: VibrantImageData = {
      // A copy: vibrant's filters write alpha into the buffer they are given.
      data: Buffer.from(source.data),
      width: source.width,
      height: source.height,
    };

    load(): Promise<VibrantImage> {
      return Promise.resolve(this);
    }
    clear(): void {}
    update(imageData: VibrantImageData): void {
      this.pixels = imageData;
    }
    getWidth(): number {
      return this.pixels.width;
    }
    getHeight(): number {
      return this.pixels.height;
    }
    resize(targetWidth: number, targetHeight: number): void {
      const input = Buffer.from(this.pixels.data.buffer, this.pixels.data.byteOffset, this.pixels.data.byteLength);
      const image: ResizableBitmap = Jimp.fromBitmap({ data: input, width: this.pixels.width, height: this.pixels.height });
      const { bitmap } = image.resize({ w: targetWidth, h: targetHeight });
      this.pixels = { data: bitmap.data, width: bitmap.width, height: bitmap.height };
    }
    getPixelCount(): number {
      return this.pixels.width * this.pixels.height;
    }
    getImageData(): VibrantImageData {
      return this.pixels;
    }
    remove(): void {}
    /** node-vibrant's ImageBase.scaleDown, verbatim in behaviour: maxDimension wins, else 1 / quality. */
    scaleDown(opts: VibrantScaleOptions): void {
      const width = this.getWidth();
      const height = this.getHeight();
      let ratio = 1;
      if (opts.maxDimension > 0) {
        const maxSide = Math.max(width, height);
        if (maxSide > opts.maxDimension) ratio = opts.maxDimension / maxSide;
      } else {
        ratio = 1 / opts.quality;
      }
      if (ratio < 1) this.resize(width * ratio, height * ratio);
    }
  };
}

/**
 * node-vibrant 4 with its defaults (quality 5, i.e. 1/5 scale; MMCQ to 64 colours), reporting
 * its named swatches (Vibrant, Muted, DarkVibrant…; at most 6) sorted by population.
 */
export const nodeVibrantPeer: Peer = {
  id: 'node-vibrant',
  note: 'Vibrant.getPalette() defaults (quality 5, 64-colour MMCQ); its ≤ 6 named swatches sorted by population; own Image class so decoding is not timed',
  async extract(image: RgbaImage): Promise<string[]> {
    const palette = await new Vibrant('decoded-rgba', { ImageClass: imageClassFor(image) }).getPalette();
    return Object.values(palette)
      .filter((swatch) => swatch !== null)
      .sort((a, b) => b.population - a.population)
      .map((swatch) => swatch.hex.toLowerCase());
  },
};
