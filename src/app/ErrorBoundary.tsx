import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t, type Lang } from '../i18n/index.ts';

/** Shows a short message in the user's language instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; lang: () => Lang }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    if (this.state.failed) return <p className="fatal">{t(this.props.lang(), 'App.Crash')}</p>;
    return this.props.children;
  }
}
