import type { Account } from '../../../common/domain/account';
import { ACCOUNT_STATUS_TEXT, providerLabel } from '../../ui/accountStatus';

export type TestState = { kind: 'running' } | { kind: 'done'; ok: boolean; message: string };

interface Props {
  account: Account;
  test: TestState | undefined;
  onTest(): void;
  onEdit(): void;
  onRemove(): void;
}

function describe(a: Account): string {
  if (a.settings.provider === 'sinch') {
    const s = a.settings.sinch;
    const where = a.demo ? 'built-in emulator' : s.baseUrl ?? `region ${s.region}`;
    return `Project ${s.projectId} · ${s.authMode === 'oauth2' ? 'OAuth2' : 'Basic'} · ${where}`;
  }
  const w = a.settings.welkin;
  // A demo account's address is only known once its emulator runs: do not show the placeholder.
  return `Tenant ${w.tenant} · instance ${w.instance} · ${a.demo ? 'built-in emulator' : w.baseUrl}`;
}

export function AccountCard({ account: a, test, onTest, onEdit, onRemove }: Props) {
  return (
    <li className="account-card">
      <div className="account-card-head">
        <h3>
          {a.name}
          {a.demo && <span className="tag">Demo</span>}
        </h3>
        <span className="account-card-status">
          <span className={`dot dot-${a.status}`} aria-hidden="true" /> {ACCOUNT_STATUS_TEXT[a.status]}
        </span>
      </div>
      <p className="muted">{providerLabel(a)} · {describe(a)}</p>
      {a.statusMessage && <p className="muted">{a.statusMessage}</p>}
      {a.demo && <p className="muted">Sends to the built-in emulator on this computer. Nothing is transmitted.</p>}
      {!a.demo && !a.hasSecret && <p className="error-text">No secret stored: edit the account and enter it.</p>}
      <div className="account-card-actions">
        <button type="button" onClick={onTest} disabled={test?.kind === 'running'}>
          {test?.kind === 'running' ? 'Testing…' : 'Test connection'}
        </button>
        {!a.demo && <button type="button" onClick={onEdit}>Edit</button>}
        {!a.demo && <button type="button" className="danger-outline" onClick={onRemove}>Remove</button>}
      </div>
      <p className={`test-result ${test?.kind === 'done' ? (test.ok ? 'ok' : 'bad') : ''}`} role="status">
        {test?.kind === 'done' && <>{test.ok ? '✓ Connection works: ' : '✗ Connection failed: '}{test.message}</>}
      </p>
    </li>
  );
}
