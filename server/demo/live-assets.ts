import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Demo Shop's product pictures, drawn as small SVGs (400×400) so the
 * demo needs no binary files: written into the hub's `live-assets` folder
 * and served at `/live-assets/<file>`.
 */
const frame = (title: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">` +
  `<title>${title}</title><rect width="400" height="400" fill="#fbf6ec"/>${body}</svg>\n`;

const kumquat = (x: number, y: number, r: number): string =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="#f59e0b" stroke="#c2410c" stroke-width="3"/>` +
  `<ellipse cx="${x - r / 3}" cy="${y - r / 3}" rx="${r / 4}" ry="${r / 6}" fill="#fde68a"/>`;

export const demoLiveImages: Record<string, string> = {
  'kumquats.svg': frame(
    "Rong'an kumquats",
    `<path d="M60 300 Q200 360 340 300 L320 250 L80 250 Z" fill="#a16207"/>` +
      kumquat(130, 220, 42) +
      kumquat(205, 200, 46) +
      kumquat(280, 222, 42) +
      kumquat(170, 150, 38) +
      kumquat(245, 148, 38) +
      `<path d="M205 110 q30 -40 70 -30 q-25 35 -70 30 Z" fill="#15803d"/>`,
  ),
  'pears.svg': frame(
    'Qiuyue pears',
    `<path d="M200 90 C170 90 165 150 150 180 C110 240 130 330 200 330 C270 330 290 240 250 180 C235 150 230 90 200 90 Z" fill="#d9c46a" stroke="#8a7a2a" stroke-width="4"/>` +
      `<rect x="196" y="60" width="8" height="34" fill="#6b4423"/>` +
      `<path d="M204 72 q40 -30 70 -10 q-35 25 -70 10 Z" fill="#4d7c0f"/>`,
  ),
  'snail-noodles.svg': frame(
    'Liuzhou snail noodles',
    `<ellipse cx="200" cy="210" rx="150" ry="40" fill="#b91c1c"/>` +
      `<path d="M50 210 Q200 380 350 210 Z" fill="#f5f5f4" stroke="#57534e" stroke-width="4"/>` +
      `<path d="M90 205 q30 -25 60 0 q30 25 60 0 q30 -25 60 0 q30 25 50 0" fill="none" stroke="#fef3c7" stroke-width="8"/>` +
      `<circle cx="150" cy="198" r="10" fill="#65a30d"/><circle cx="250" cy="196" r="9" fill="#65a30d"/>` +
      `<rect x="220" y="60" width="10" height="170" rx="4" fill="#92400e" transform="rotate(18 225 145)"/>` +
      `<rect x="245" y="60" width="10" height="170" rx="4" fill="#92400e" transform="rotate(24 250 145)"/>`,
  ),
  'stone-painting.svg': frame(
    'Guilin stone painting',
    `<rect x="50" y="70" width="300" height="260" fill="#78350f"/>` +
      `<rect x="66" y="86" width="268" height="228" fill="#e7e5e4"/>` +
      `<path d="M66 270 L110 170 L140 230 L180 130 L220 240 L260 160 L300 250 L334 200 L334 314 L66 314 Z" fill="#57534e"/>` +
      `<path d="M66 290 Q200 270 334 292 L334 314 L66 314 Z" fill="#64748b"/>` +
      `<circle cx="280" cy="120" r="18" fill="#a8a29e"/>`,
  ),
  'dong-embroidery.svg': frame(
    'Dong embroidered pouch',
    `<path d="M110 140 L290 140 L310 320 L90 320 Z" fill="#1e3a8a" stroke="#0f172a" stroke-width="4"/>` +
      `<path d="M150 140 Q200 70 250 140" fill="none" stroke="#b91c1c" stroke-width="8"/>` +
      `<g fill="#fbbf24"><path d="M200 180 l20 30 l-20 30 l-20 -30 Z"/><path d="M140 230 l16 24 l-16 24 l-16 -24 Z"/>` +
      `<path d="M260 230 l16 24 l-16 24 l-16 -24 Z"/></g>` +
      `<path d="M100 300 L300 300" stroke="#dc2626" stroke-width="6" stroke-dasharray="12 8"/>`,
  ),
};

/** Written once; a picture an operator replaced by hand is kept. */
export function writeDemoLiveAssets(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, svg] of Object.entries(demoLiveImages)) {
    const file = join(dir, name);
    if (!existsSync(file)) writeFileSync(file, svg, 'utf8');
  }
}
