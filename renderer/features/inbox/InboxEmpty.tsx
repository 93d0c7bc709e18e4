import { useState } from 'react';
import type { Account } from '../../../common/domain/account';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax } from '../../ui/format';
import type { InboxView } from './inboxQuery';

/** The number faxes reach an account at, when its settings say. */
const numberOf = (a: Account) => (a.settings.provider === 'sinch' ? a.settings.sinch.fromNumber : undefined);

function whereFrom(accounts: readonly Account[]): string {
  const numbers = accounts.map(numberOf).filter((n): n is string => Boolean(n)).map(formatFax);
  if (numbers.length === 0) return accounts.length === 1 ? `Faxes sent to ${accounts[0]!.name}’s fax number arrive here.` : 'Faxes sent to your accounts’ fax numbers arrive here.';
  return `Faxes sent to ${numbers.join(', ')} arrive here.`;
}

/** A Demo account receives a fax from its emulator, so a new user sees the inbox work. */
export function ReceiveTestFax({ account, compact = false }: { account: Account; compact?: boolean }) {
  const receive = useFaxdesk((s) => s.receiveTestFax);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = compact ? 'Receive a test fax' : `Receive a test fax at ${account.name}`;
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={compact ? `Receive a test fax at ${account.name}` : undefined}
        onClick={async () => {
          setBusy(true);
          setProblem(await receive(account.id));
          setBusy(false);
        }}
      >
        {label}
      </button>
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </>
  );
}

/** Empty views teach: where faxes come from, and (Demo) how to see one arrive now. */
export function InboxEmpty({ view, filtered, onClear }: { view: InboxView; filtered: boolean; onClear(): void }) {
  const accounts = useFaxdesk((s) => s.accounts);
  const sync = useFaxdesk((s) => s.inboxSync);
  const poll = useFaxdesk((s) => s.appSettings?.inboxPollSeconds ?? 30);
  if (filtered) {
    return (
      <div className="empty">
        <p>No fax matches this search.</p>
        <button type="button" onClick={onClear}>Clear filters</button>
      </div>
    );
  }
  if (view.kind === 'needs_review') {
    return <div className="empty"><p className="empty-lead">Nothing to review. Received faxes stay here until you mark them reviewed (R).</p></div>;
  }
  const shown = view.kind === 'account' ? accounts.filter((a) => a.id === view.accountId) : accounts;
  const firstSync = shown.some((a) => sync[a.id] && !sync[a.id]!.initialSyncDone);
  const demos = shown.filter((a) => a.demo);
  return (
    <div className="empty">
      <p className="empty-lead">{whereFrom(shown)}</p>
      {firstSync && <p className="muted">Faxdesk is still getting the faxes already there; they appear as they come.</p>}
      <p className="muted">Faxdesk checks for new faxes every {poll < 90 ? `${poll} seconds` : `${Math.round(poll / 60)} minutes`} and tells you when one arrives.</p>
      {demos.length > 0 && (
        <div className="first-run">
          <h2>Try it with a Demo account</h2>
          <p>A Demo account’s fax comes from a built-in emulator on this computer, so you can see one arrive now.</p>
          <div className="action-row">{demos.map((a) => <ReceiveTestFax key={a.id} account={a} />)}</div>
        </div>
      )}
    </div>
  );
}
