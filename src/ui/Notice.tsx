import { useShallow } from 'zustand/react/shallow';
import { render, t } from '../i18n/index.ts';
import { useAppStore } from '../state/store.ts';

/** A dismissable message (e.g. an address parameter that was not valid). */
export function Notice() {
  const { lang, notice, setNotice } = useAppStore(useShallow((s) => ({ lang: s.lang, notice: s.notice, setNotice: s.setNotice })));
  if (!notice) return null;
  return (
    <div
      className={notice.tone === 'error' ? 'notice error-notice' : 'notice'}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>
        {render(lang, notice)}
        {notice.details?.map((d, i) => (
          <span key={i} className="notice-detail">
            {' '}
            {render(lang, d)}
          </span>
        ))}
      </span>
      <button type="button" aria-label={t(lang, 'Info.Close')} onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}
