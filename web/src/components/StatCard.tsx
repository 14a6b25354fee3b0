import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  /** null: the programme did not answer. */
  value: ReactNode | null;
  detail?: ReactNode;
  testId?: string;
}

/** One headline figure of the report. */
export function StatCard({ label, value, detail, testId }: StatCardProps) {
  return (
    <div className={value === null ? 'card card-missing' : 'card'} data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value ?? '—'}</div>
      {detail && value !== null && <div className="card-detail">{detail}</div>}
    </div>
  );
}
