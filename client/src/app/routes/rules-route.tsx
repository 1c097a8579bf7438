import { RequireAccount } from '../../features/auth/components/require-account';
import { RulesEditorPage } from '../../features/rules/components/rules-editor-page';

/** `/groups/:groupId/rules`: the group's facilitator edits its ground rules. */
export function RulesRoute({ groupId }: { groupId: string }) {
  return <RequireAccount>{() => <RulesEditorPage groupId={groupId} />}</RequireAccount>;
}
