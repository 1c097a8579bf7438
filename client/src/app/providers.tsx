import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * Last line of defence for unexpected errors (a chunk that fails to download, a bug): a calm page
 * with a way forward instead of a blank screen. Expected failures never get here; they are values.
 */
class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Unexpected error in the Hearth client', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page__main page__main--narrow">
        <h1 className="page__title">Something went wrong</h1>
        <p>This page ran into a problem. Reloading usually fixes it; if you were in a session, you will be able to rejoin.</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload page
        </button>
      </main>
    );
  }
}

export function AppProviders({ children }: { children: ReactNode }) {
  return <ErrorBoundary>{children}</ErrorBoundary>;
}
