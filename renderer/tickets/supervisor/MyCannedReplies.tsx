import type { HTMLAttributes } from 'react';
import { CannedRepliesEditor } from './CannedRepliesEditor';

/**
 * An agent's own canned replies (scope `mine`), for the workspace to show
 * behind a button: the organisation's are the supervisor's to change.
 */
export function MyCannedReplies(props: HTMLAttributes<HTMLElement>) {
  return <CannedRepliesEditor scopes={['mine']} headingLevel={2} {...props} />;
}
