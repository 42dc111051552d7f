import { settingsSchema, type A11yProfile, type Settings, type SettingsPatch } from '../../shared/bridge';
import type { HostDb } from './host-db';

const settingsKey = 'settings';

export interface SettingsStore {
  get(): Settings;
  /** Applies a validated patch; `a11y` merges field by field, the rest replace. */
  update(patch: SettingsPatch): Settings;
}

export function createSettingsStore(db: HostDb, onCorrupt: (error: unknown) => void): SettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  function get(): Settings {
    const row = select.get(settingsKey);
    if (!row) return settingsSchema.parse({});
    try {
      // Parsing fills defaults for fields added since the row was written.
      return settingsSchema.parse(JSON.parse(row.value));
    } catch (error) {
      // A damaged row must not keep the workstation from starting; defaults are usable.
      onCorrupt(error);
      return settingsSchema.parse({});
    }
  }

  const update = db.transaction((patch: SettingsPatch): Settings => {
    const current = get();
    const next = settingsSchema.parse({
      hubUrl: patch.hubUrl !== undefined ? patch.hubUrl : current.hubUrl,
      language: patch.language !== undefined ? patch.language : current.language,
      a11y: mergeProfile(current.a11y, patch.a11y ?? {}),
    });
    upsert.run(settingsKey, JSON.stringify(next));
    return next;
  });

  return { get, update };
}

/** Flat fields replace; `scan` and `keyFilters` merge field by field; `shortcuts` replaces whole. */
function mergeProfile(current: A11yProfile, patch: NonNullable<SettingsPatch['a11y']>): A11yProfile {
  const { scan, keyFilters, ...flat } = definedOnly(patch);
  return {
    ...current,
    ...flat,
    scan: { ...current.scan, ...definedOnly(scan ?? {}) },
    keyFilters: { ...current.keyFilters, ...definedOnly(keyFilters ?? {}) },
  };
}

/** `{ theme: undefined }` in a patch means "not given", not "clear it". */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
