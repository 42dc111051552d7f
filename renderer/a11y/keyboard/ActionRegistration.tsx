import { useRegisterAction, type ActionSpec } from './actions';

/** Registers one action from JSX, for lists of actions whose length varies (hooks cannot loop). */
export function ActionRegistration(props: ActionSpec) {
  useRegisterAction(props);
  return null;
}
