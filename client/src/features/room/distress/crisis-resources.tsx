import { Button } from '../../../components/ui/button';
import { useDisclosure } from './use-disclosure';

/**
 * The group's crisis lines, for the person to read privately at any time, not only after asking for
 * support (DS7). Folded, so a long list never pushes the room aside; shown only when the group has some.
 * Open at first just after the person asked for support (remount it with a new key for that): they
 * see the numbers at once, and can fold them away and open them again later.
 */
export function CrisisResources({ text, initiallyOpen = false }: { text: string; initiallyOpen?: boolean }) {
  const { buttonProps, panelProps } = useDisclosure(initiallyOpen);
  return (
    <div className="crisis-resources">
      <Button variant="quiet" className="disclosure-button crisis-resources__toggle" {...buttonProps}>Crisis resources</Button>
      <div className="crisis-resources__panel" {...panelProps}>
        <p className="crisis-resources__lead">If you need help right now</p>
        <p className="preformatted">{text}</p>
      </div>
    </div>
  );
}
