import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';

/**
 * "A new version is ready — reload": shown once a new version of the installed app waits, never
 * while presenting (the new version is taken only when the user asks, so never mid-talk).
 */
export function UpdatePrompt({ onReload }: { onReload: () => void }) {
  const store = useStoreApi();
  const s = useAppStore(useShallow((x) => ({ lang: x.lang, ready: x.updateReady, presenting: x.presenting })));
  if (!s.ready || s.presenting) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <button type="button" className="seg active" onClick={onReload} data-testid="update-reload">
        {t(s.lang, 'App.UpdateReady')}
      </button>
      <button type="button" className="seg" onClick={() => store.getState().setUpdateReady(false)}>
        {t(s.lang, 'App.UpdateLater')}
      </button>
    </div>
  );
}
