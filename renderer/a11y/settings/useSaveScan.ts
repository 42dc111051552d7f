import type { ScanSettings } from '../../../shared/a11y';
import { useSaveSetting } from './SettingsFeedback';

/** Saves a part of the scan settings with the page's confirmation, as every scan control does. */
export function useSaveScan(): (
  patch: Partial<ScanSettings>,
  label: string,
  confirmation?: string,
) => Promise<boolean> {
  const save = useSaveSetting();
  return (patch, label, confirmation) => save({ scan: patch }, label, confirmation);
}
