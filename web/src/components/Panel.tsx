import type { ReactNode } from 'react';
import type { GraphRequestError, Programme } from '../lib/graphql';
import { useT } from '../lib/i18n';

/** Says which programmes' figures are missing, and why; nothing when none is. */
export function MissingNotice({ missing }: { missing?: readonly Programme[] }) {
  const { t } = useT();
  if (!missing?.length) return null;
  return (
    <p className="notice" role="status" data-testid="missing-notice">
      {t('missingNotice', { programmes: missing.map((programme) => t(`programme_${programme}`)).join(', ') })}
    </p>
  );
}

interface PanelProps {
  title: string;
  loading?: boolean;
  failure?: GraphRequestError | null;
  onRetry?: () => void;
  actions?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

/** A titled block with its own loading and failure states, so one slow or failed request never blanks the page. */
export function Panel({ title, loading, failure, onRetry, actions, children, testId }: PanelProps) {
  const { t } = useT();
  return (
    <section className="panel" data-testid={testId} aria-busy={loading || undefined}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions}
      </header>
      {failure ? (
        <div className="failure" role="alert">
          <strong>{t('failed')}</strong>: {failure.message}
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
        </div>
      ) : (
        <>
          {/* While a request runs the panel says so; what it showed before stays, dimmed. */}
          {loading && <div className="loading">{t('loading')}</div>}
          <div className={loading ? 'refreshing' : undefined}>{children}</div>
        </>
      )}
    </section>
  );
}
