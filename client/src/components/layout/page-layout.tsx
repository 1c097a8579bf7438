import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * Pages after the first one are reached without a full load, so screen readers hear nothing. Moving
 * focus to the new page's heading announces it. The very first page is left alone: the browser
 * already announces it, and stealing focus on load would be a surprise.
 */
let firstPageShown = false;

export interface PageLayoutProps {
  title: string;
  /** Shown in the browser tab when it differs from the heading. */
  documentTitle?: string;
  /** Right-hand side of the header (e.g. the sign-out button). */
  headerActions?: ReactNode;
  intro?: ReactNode;
  width?: 'narrow' | 'wide';
  children?: ReactNode;
}

export function PageLayout({ title, documentTitle, headerActions, intro, width = 'narrow', children }: PageLayoutProps) {
  useDocumentTitle(documentTitle ?? title);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (firstPageShown) headingRef.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <div className="page">
      <header className="site-header">
        <p className="site-header__brand">
          <span aria-hidden="true" className="site-header__mark" />
          Hearth
        </p>
        {headerActions ? <div className="site-header__actions">{headerActions}</div> : null}
      </header>
      <main className={`page__main page__main--${width}`}>
        <h1 ref={headingRef} tabIndex={-1} className="page__title">
          {title}
        </h1>
        {intro ? <div className="page__intro">{intro}</div> : null}
        {children}
      </main>
    </div>
  );
}
