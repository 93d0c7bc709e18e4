import { useEffect, useState } from 'react';
import type { Account } from '../../../common/domain/account';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog } from '../../ui/Dialog';
import { AccountCard, type TestState } from './AccountCard';
import { AccountFormDialog } from './AccountFormDialog';
import { HotFolderFields } from './HotFolderFields';
import { LockSettings } from '../lock/LockSettings';
import { UpdateFields } from './UpdateFields';
import { InboxSettingsFields } from './InboxSettingsFields';
import { PaperSizeField } from './PaperSizeField';
import { RetentionFields } from './RetentionFields';

type Editing = { account: Account | null } | null;

export function SettingsPane() {
  const accounts = useFaxdesk((s) => s.accounts);
  const testAccount = useFaxdesk((s) => s.testAccount);
  const removeAccount = useFaxdesk((s) => s.removeAccount);
  const requestedId = useFaxdesk((s) => s.editAccountId);
  const clearUiRequests = useFaxdesk((s) => s.clearUiRequests);
  // An error's "Open settings for <account>" lands here with that account's editor open.
  const [editing, setEditing] = useState<Editing>(() => {
    const requested = accounts.find((a) => a.id === requestedId);
    return requested && !requested.demo ? { account: requested } : null;
  });
  useEffect(() => clearUiRequests(), [clearUiRequests]);
  const [removing, setRemoving] = useState<Account | null>(null);
  const [tests, setTests] = useState<Record<string, TestState>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const runTest = async (id: string) => {
    setTests((t) => ({ ...t, [id]: { kind: 'running' } }));
    const r = await testAccount(id);
    const failure = r.ok ? r.value.error : r.error;
    const state: TestState = failure
      ? { kind: 'done', ok: false, message: `${failure.message} ${failure.nextStep}` }
      : { kind: 'done', ok: true, message: r.ok ? r.value.message : '' };
    setTests((t) => ({ ...t, [id]: state }));
  };

  const confirmRemove = async () => {
    const account = removing;
    setRemoving(null);
    if (!account) return;
    const r = await removeAccount(account.id);
    setNotice(r.ok
      ? { ok: true, text: `${account.name} was removed.` }
      : { ok: false, text: `${account.name} could not be removed: ${r.error.message}` });
  };

  const onlyDemo = accounts.length > 0 && accounts.every((a) => a.demo);

  return (
    <section className="pane settings" aria-labelledby="settings-title">
      <header className="pane-header">
        <h1 id="settings-title" tabIndex={-1}>Settings</h1>
      </header>
      <div className="settings-body">
        <div className="section-head">
          <h2>Accounts</h2>
          <button type="button" className="primary" onClick={() => { setNotice(null); setEditing({ account: null }); }}>Add account</button>
        </div>
        {onlyDemo && (
          <p className="banner banner-info">
            The Demo account lets you try Faxdesk without sending anything. To send real faxes, add your Sinch account
            (Project ID, Key ID and key secret from the Sinch dashboard) or your Welkin Health API client.
          </p>
        )}
        {notice && <p className={`banner ${notice.ok ? 'banner-info' : 'banner-danger'}`} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
        <ul className="account-cards" aria-label="Accounts">
          {accounts.map((a) => (
            <AccountCard
              key={a.id}
              account={a}
              test={tests[a.id]}
              onTest={() => void runTest(a.id)}
              onEdit={() => { setNotice(null); setEditing({ account: a }); }}
              onRemove={() => setRemoving(a)}
            />
          ))}
        </ul>
        <h2>Inbox</h2>
        <InboxSettingsFields />
        <h2>Documents</h2>
        <PaperSizeField />
        <h2>Retention</h2>
        <RetentionFields />
        <h2>Print to fax</h2>
        <HotFolderFields />
        <h2>Lock</h2>
        <LockSettings />
        <h2>Updates</h2>
        <UpdateFields />
        <h2>Keyboard</h2>
        <dl className="shortcuts">
          <dt>Ctrl/⌘+N</dt><dd>New fax</dd>
          <dt>Ctrl/⌘+Enter</dt><dd>Send</dd>
          <dt>Ctrl/⌘+,</dt><dd>Settings</dd>
          <dt>Ctrl/⌘+L</dt><dd>Lock Faxdesk</dd>
          <dt>↑ / ↓, Enter</dt><dd>Move in lists, open</dd>
          <dt>Ctrl/⌘+Z</dt><dd>Undo the last change to the pages of a fax</dd>
          <dt>Escape</dt><dd>Close a dialog or the compose pane</dd>
        </dl>
      </div>
      {editing && (
        <AccountFormDialog
          account={editing.account}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ ok: true, text: `${saved.name} was saved.` });
            void runTest(saved.id);
          }}
        />
      )}
      <ConfirmDialog
        title={removing ? `Remove ${removing.name}?` : 'Remove account?'}
        open={removing !== null}
        confirmLabel="Remove account"
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => void confirmRemove()}
      >
        <p>Faxdesk forgets this account and deletes its secret from the keychain. Faxes already sent stay in the Outbox.</p>
      </ConfirmDialog>
    </section>
  );
}
