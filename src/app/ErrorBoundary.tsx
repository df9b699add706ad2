import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';
import { useAppStore } from '../state/store.ts';

/** Shows a short message in the user's language instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    if (this.state.failed) return <p className="fatal">{t(useAppStore.getState().lang, 'App.Crash')}</p>;
    return this.props.children;
  }
}
