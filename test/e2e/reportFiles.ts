import { Resvg } from '@resvg/resvg-js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file of a report directory (not subdirectories), name → bytes, in name order. */
export function readReport(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .filter((name) => statSync(join(dir, name)).isFile())
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
}

/**
 * Decodes a PNG by drawing it inside an SVG with resvg (a real decoder, already a dependency)
 * and returns its size from the header and how many pixels are not white.
 */
export function decodePng(png: Buffer): { width: number; height: number; inked: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg, { background: '#ffffff' }).render().pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250) inked += 1;
  return { width, height, inked };
}
