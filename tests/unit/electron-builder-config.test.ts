import type { Configuration } from 'electron-builder';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Packaging cannot run here (no Electron binary), so the configuration is
 * loaded and validated by electron-builder's own code, reached the way
 * electron-builder itself reaches it: a misspelt key or a wrong type fails
 * here as it would in `npm run package`.
 */
interface ConfigModule {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}
interface BuilderUtil {
  DebugLogger: new (enabled: boolean) => unknown;
}
const root = new URL('../../', import.meta.url).pathname;
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromBuilder(
  'app-builder-lib/out/util/config/config',
) as ConfigModule;
const { DebugLogger } = fromBuilder('builder-util') as BuilderUtil;

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

/** Width and height from a PNG's IHDR chunk, and its colour type (6 = RGBA). */
function pngInfo(data: Buffer): { width: number; height: number; colourType: number } {
  expect(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
    true,
  );
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data.readUInt8(25) };
}

function iconPath(path: string | null | undefined): string {
  expect(typeof path).toBe('string');
  return join(root, path as string);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: an unknown key is refused.
    await expect(
      validateConfiguration({ ...config, electronFuse: {} } as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuse/);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector; asar only, integrity checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar needs an asar: it must not be switched off.
    expect(config.asar).not.toBe(false);
  });

  it('packs no source maps', () => {
    // getConfig has already normalised `files` into file sets.
    const patterns = [config.files ?? []]
      .flat()
      .flatMap((set) => (typeof set === 'string' ? [set] : [set.filter ?? []].flat()));
    expect(patterns).toContain('!**/*.map');
    expect(patterns).toContain('out/renderer/**');
  });

  it('points at a Windows icon: PNG-in-ICO with every size up to 256', () => {
    const ico = readFileSync(iconPath(config.win?.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const size = ico.readUInt8(at) || 256;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      const png = pngInfo(ico.subarray(offset, offset + length));
      expect(png).toEqual({ width: size, height: size, colourType: 6 });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('points at a macOS icon: PNG-based icns from 16 to 1024', () => {
    const icns = readFileSync(iconPath(config.mac?.icon));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const png = pngInfo(icns.subarray(at + 8, at + length));
      expect(png.width).toBe(png.height);
      found[type] = png.width;
      at += length;
    }
    expect(found).toEqual(expected);
  });

  it('points at a Linux icon set of <N>x<N>.png files, and resources/icon.png is 1024 px', () => {
    const dir = iconPath(config.linux?.icon);
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    expect(readdirSync(dir).sort()).toEqual(sizes.map((n) => `${n}x${n}.png`).sort());
    for (const n of sizes) {
      expect(pngInfo(readFileSync(join(dir, `${n}x${n}.png`)))).toEqual({
        width: n,
        height: n,
        colourType: 6,
      });
    }
    expect(pngInfo(readFileSync(join(root, 'resources', 'icon.png')))).toMatchObject({ width: 1024 });
  });

  it('ships the alert sounds as extra resources', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/sounds', to: 'sounds', filter: ['*.wav'] }]);
    for (const name of ['info.wav', 'urgent.wav']) {
      expect(existsSync(join(root, 'resources', 'sounds', name))).toBe(true);
    }
  });
});
