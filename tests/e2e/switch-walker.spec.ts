import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { scanProbeScript } from '../bench/scan-cost-probe';

/** A compact picture of a scan tree: kind initial, label, children. */
interface Shape {
  k: string;
  l: string;
  c?: Shape[];
  rows?: number[];
}

const fixture = `<!doctype html><html lang="en"><body>
<a class="skip" href="#m" style="position:absolute;transform:translateY(-200%)">Skip</a>
<header><button>Menu</button><select aria-label="Language"><option>en</option></select></header>
<nav aria-label="Workspaces"><ul><li><a href="#a">Tickets</a></li><li><a href="#b">Shifts</a></li></ul></nav>
<main id="m">
  <h1 tabindex="-1">Title</h1>
  <section><button>In unnamed section</button></section>
  <section aria-labelledby="sh"><h2 id="sh">Named section</h2>
    <fieldset><legend>Size</legend>
      <label><input type="radio" name="s"> Small</label><label><input type="radio" name="s"> Large</label>
    </fieldset>
    <label for="f">Field</label><input id="f">
    <textarea title="Notes"></textarea>
  </section>
  <button hidden>Hidden attr</button>
  <button style="display:none">Display none</button>
  <button style="visibility:hidden">Invisible</button>
  <div aria-hidden="true"><button>Aria hidden</button></div>
  <div inert><button>Inert</button></div>
  <button disabled>Disabled</button>
  <button aria-disabled="true">Aria disabled</button>
  <div role="log" tabindex="0" aria-label="Log">text</div>
  <div tabindex="0" aria-label="Custom focusable">x</div>
  <div role="toolbar" aria-label="Format"><button>Bold</button><button tabindex="-1">Italic</button></div>
  <div role="grid" aria-label="Keys">
    <div role="row"><span role="gridcell"><button>A</button></span><span role="gridcell"><button>B</button></span></div>
    <div role="row"><span role="gridcell"><button>C</button></span></div>
  </div>
</main>
<aside aria-label="Team"><button>Send</button></aside>
<dialog id="d" aria-label="Confirm"><button>Yes</button><button>No</button></dialog>
</body></html>`;

async function shape(page: Page): Promise<Shape> {
  return page.evaluate(() => {
    type Node = { id: string; kind: string; label: string; children: Node[]; grid?: { rows: string[][] } };
    const probe = (window as unknown as { wingsScanProbe: { tree(): Node } }).wingsScanProbe;
    const tree = probe.tree();
    const toShape = (n: Node): Shape => ({
      k: n.kind[0] ?? '',
      l: n.label,
      ...(n.children.length > 0 ? { c: n.children.map(toShape) } : {}),
      ...(n.grid ? { rows: n.grid.rows.map((r) => r.length) } : {}),
    });
    return toShape(tree);
  });
}

test.beforeEach(async ({ page }) => {
  await page.setContent(fixture);
  await page.addScriptTag({ content: await scanProbeScript() });
});

test('the walker turns landmarks, composites and controls into regions, groups and items', async ({
  page,
}) => {
  const i = (l: string): Shape => ({ k: 'i', l });
  expect(await shape(page)).toEqual({
    k: 'r',
    l: '',
    c: [
      { k: 'r', l: '<banner>', c: [i('Menu'), i('Language')] },
      { k: 'r', l: 'Workspaces', c: [{ k: 'g', l: '<list>', c: [i('Tickets'), i('Shifts')] }] },
      {
        k: 'r',
        l: '<main>',
        c: [
          i('In unnamed section'),
          {
            k: 'r',
            l: 'Named section',
            c: [{ k: 'g', l: 'Size', c: [i('Small'), i('Large')] }, i('Field'), i('Notes')],
          },
          i('Custom focusable'),
          { k: 'g', l: 'Format', c: [i('Bold'), i('Italic')] },
          { k: 'g', l: 'Keys', c: [i('A'), i('B'), i('C')], rows: [2, 1] },
        ],
      },
      { k: 'r', l: 'Team', c: [i('Send')] },
    ],
  });
});

test('ids are given once per element and survive re-renders and moves', async ({ page }) => {
  const ids = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-scan-id]')).map((el) => el.getAttribute('data-scan-id')),
    );
  await shape(page);
  const first = await ids();
  expect(first.length).toBeGreaterThan(10);
  expect(new Set(first).size).toBe(first.length);
  await page.evaluate(() => {
    const probe = (window as unknown as { wingsScanProbe: { tree(): unknown } }).wingsScanProbe;
    const send = document.querySelector('aside button');
    const bold = document.querySelector('[role=toolbar] button');
    if (send && bold) bold.before(send);
    probe.tree();
  });
  expect((await ids()).sort()).toEqual([...first].sort());
});

test('an open modal dialog is the only thing scanned; closed, the page is back', async ({ page }) => {
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).showModal());
  expect(await shape(page)).toEqual({
    k: 'r',
    l: '',
    c: [
      { k: 'i', l: 'Yes' },
      { k: 'i', l: 'No' },
    ],
  });
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).close());
  expect((await shape(page)).c).toHaveLength(4);
});
