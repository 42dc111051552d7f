import { useEffect, useState } from 'react';
import { loadPinyin, type PinyinEngine } from '../../../shared/a11y/command-search';

/**
 * The pinyin engine for the command search, loaded the first time `wanted`
 * is true (the palette opens), so first paint does not wait for its
 * dictionary. Null while it loads; if it cannot load, search keeps matching
 * labels by their own text, which is all it can do without it.
 */
export function usePinyin(wanted: boolean): PinyinEngine | null {
  const [engine, setEngine] = useState<PinyinEngine | null>(null);
  useEffect(() => {
    if (!wanted || engine) return;
    let live = true;
    loadPinyin().then(
      (loaded) => {
        if (live) setEngine(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, engine]);
  return engine;
}
