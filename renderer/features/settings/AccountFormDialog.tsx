import { useState } from 'react';
import type { Account } from '../../../common/domain/account';
import type { ErrorInfo } from '../../../common/errors';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { addressChanged, draftFromForm, emptyForm, SECRET_AGAIN, errorFor, formFromAccount, type AccountForm, type FieldErrors } from './accountForm';
import { Field } from './Field';
import { SinchFields, WelkinFields } from './ProviderFields';

interface Props {
  /** null adds a new account. */
  account: Account | null;
  onClose(): void;
  onSaved(account: Account): void;
}

/** Rendered only while open, so each opening starts from fresh form state. */
export function AccountFormDialog({ account, onClose, onSaved }: Props) {
  const saveAccount = useFaxdesk((s) => s.saveAccount);
  const [form, setForm] = useState<AccountForm>(() => (account ? formFromAccount(account) : emptyForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = account !== null;
  const secretLabel = form.provider === 'sinch' ? 'Key secret' : 'Client secret';
  const secretAgain = addressChanged(form, account);

  const save = async () => {
    const checked = draftFromForm(form, editing, account);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setFailure(null);
      return;
    }
    setSaving(true);
    const r = await saveAccount(account?.id ?? null, checked.draft);
    setSaving(false);
    if (r.ok) {
      onSaved(r.value);
      return;
    }
    setErrors(r.error.fields ?? {});
    setFailure(r.error);
  };

  const secretField = (
    <Field
      label={secretLabel}
      type="password"
      value={form.secret}
      error={errorFor(errors, 'secret')}
      required={!editing || secretAgain}
      hint={editing
        ? (secretAgain ? `${SECRET_AGAIN}. Faxdesk sends a stored secret only to the address it was entered for.`
          : account.hasSecret ? 'A secret is stored. Leave this empty to keep it.' : 'No secret is stored yet.')
        : 'Stored in the system keychain. Faxdesk never shows it again.'}
      onChange={(v) => setForm({ ...form, secret: v })}
    />
  );

  return (
    <Dialog title={editing ? `Edit ${account.name}` : 'Add account'} open onClose={onClose}>
      <div className="account-form" onKeyDown={(e) => { if (e.key === 'Enter' && e.target instanceof HTMLInputElement) { e.preventDefault(); void save(); } }}>
        {!editing && (
          <fieldset className="provider-choice">
            <legend>Provider</legend>
            {(['sinch', 'welkin'] as const).map((p) => (
              <label key={p} className="radio">
                <input type="radio" name="provider" value={p} checked={form.provider === p} onChange={() => setForm({ ...form, provider: p })} />
                {p === 'sinch' ? 'Sinch' : 'Welkin Health'}
              </label>
            ))}
          </fieldset>
        )}
        <Field label="Account name" value={form.name} error={errorFor(errors, 'name')} required autoFocus onChange={(v) => setForm({ ...form, name: v })} />
        {form.provider === 'sinch'
          ? <SinchFields values={form.sinch} errors={errors} secret={secretField} onChange={(p) => setForm({ ...form, sinch: { ...form.sinch, ...p } })} />
          : <WelkinFields values={form.welkin} errors={errors} secret={secretField} onChange={(p) => setForm({ ...form, welkin: { ...form.welkin, ...p } })} />}
        {failure && (
          <div className="banner banner-danger" role="alert">
            {failure.message} {failure.nextStep}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Add account'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
