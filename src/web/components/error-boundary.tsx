import { Component, type ReactNode } from 'react';

interface Props {
  /** Rendered instead of the children after a rendering error. */
  fallback: ReactNode;
  /** Changing it (e.g. the path) clears the error: a new page gets a new chance. */
  resetKey: string;
  children: ReactNode;
}

/** Keeps one broken page from blanking the whole app. */
export class ErrorBoundary extends Component<Props, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): { failedAt: string } {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Buurtbalans page error:', error);
    this.setState({ failedAt: this.props.resetKey });
  }

  override render(): ReactNode {
    const { failedAt } = this.state;
    if (failedAt !== null && (failedAt === '' || failedAt === this.props.resetKey))
      return this.props.fallback;
    return this.props.children;
  }
}
