import { useEffect } from 'react';

/** Each page names itself, so browser tabs and screen-reader page announcements say where you are. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Hearth` : 'Hearth';
  }, [title]);
}
