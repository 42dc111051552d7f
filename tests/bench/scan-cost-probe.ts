import { build } from 'esbuild';
import { repoRoot } from '../e2e/support/processes';

/**
 * The renderer's DOM walker and the engine's cost model, bundled into one
 * script for a page: `window.wingsScanProbe.tree()` is the tree ScanProvider
 * would build there, `.cost()` its scan cost. Used by the scan cost bench and
 * by the walker's end-to-end tests; nothing of it ships in the renderer.
 */
export async function scanProbeScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { buildScanTree } from './renderer/a11y/scan/scan-dom';
        import { scanCost } from './shared/a11y/scan-cost';
        import { indexTree, normalizeTree } from './shared/a11y/scan-tree';
        const tree = () => buildScanTree(document, { roleName: (role) => '<' + role + '>' });
        const cost = () => {
          const t = tree();
          const entries = indexTree(normalizeTree(t)).entries;
          const c = scanCost(t);
          const figures = (mode) => ({
            mean: mode.mean,
            worst: mode.worst,
            worstLabel: mode.worstItemId === null ? '' : (entries.get(mode.worstItemId)?.node.label ?? ''),
          });
          return { items: c.itemCount, group: figures(c.group), linear: figures(c.linear) };
        };
        window.wingsScanProbe = { tree, cost, normalized: () => normalizeTree(tree()) };`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no bundle');
  return file.text;
}
