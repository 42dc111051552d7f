// `node scripts/make-icons.mjs`: renders renderer/public/icon.svg into the icons electron-builder
// packs (electron-builder.yml): resources/icons/<N>x<N>.png (the Linux icon set), resources/icon.png
// (1024 px), resources/icon.ico (Windows) and resources/icon.icns (macOS). The output is committed,
// so packaging and CI never need this script; run it only after changing the SVG. It needs Chromium
// (CHROMIUM_PATH, else /usr/bin/chromium) driven by playwright-core, as the end-to-end tests do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows picks the nearest of these; 256 is the largest an ICO entry can say it is. */
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon types that hold PNG data, by pixel size (the @2x types repeat a size on purpose). */
export const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const resources = new URL('../resources/', import.meta.url);
const out = (name) => fileURLToPath(new URL(name, resources));

/** An ICO whose entries are PNG images (read by Windows Vista and later). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

/** An ICNS file: `icns`, the total length, then (type, length, PNG) entries, all big-endian. */
export function encodeIcns(entries) {
  const chunks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, c) => sum + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function render(svg, sizes) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img id="icon" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('#icon').evaluate((img) => img.decode());
      pngs.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = readFileSync(new URL('../renderer/public/icon.svg', import.meta.url), 'utf8');
  const pngs = await render(svg, pngSizes);
  const png = (size) => {
    const data = pngs.get(size);
    if (!data) throw new Error(`no ${size} px rendering`);
    return data;
  };
  mkdirSync(out('icons/'), { recursive: true });
  for (const size of pngSizes) writeFileSync(out(`icons/${size}x${size}.png`), png(size));
  writeFileSync(out('icon.png'), png(1024));
  writeFileSync(out('icon.ico'), encodeIco(icoSizes.map((size) => ({ size, data: png(size) }))));
  writeFileSync(out('icon.icns'), encodeIcns(icnsTypes.map(([type, size]) => ({ type, data: png(size) }))));
  console.log(`wrote ${pngSizes.length} PNGs, icon.png, icon.ico and icon.icns into resources/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
