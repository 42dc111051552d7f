import type { defaultNamespace, resources } from '../shared/i18n';

// Typed keys: a t() call with a key missing from the English resources fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNamespace;
    resources: (typeof resources)['en'];
  }
}
