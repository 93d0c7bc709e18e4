import type { ErrorAction } from '../../common/errors';
import { useFaxdesk } from '../store/StoreProvider';

interface Props {
  action: ErrorAction;
  /** Names the fax for screen readers when the button sits in a list row ("fax to …0142"). */
  fax?: string;
  /** How to retry here; without it no Retry button is offered. */
  onRetry?: () => void;
  busy?: boolean;
  /** A short label where a list row has little room; screen readers still hear the full one. */
  compact?: boolean;
}

const SHORT: Partial<Record<ErrorAction['kind'], string>> = {
  open_account_settings: 'Settings…', open_settings: 'Settings…', choose_other_files: 'Other files…',
};

/**
 * The one button an error offers as its way out (common/errors.ts names the action). A resend after
 * checking with the recipient needs a confirmation, so its caller draws it (JobActions).
 */
export function ErrorActionButton({ action, fax, onRetry, busy = false, compact = false }: Props) {
  const accountName = useFaxdesk((s) => (action.kind === 'open_account_settings'
    ? s.accounts.find((a) => a.id === action.accountId)?.name : undefined));
  const openAccountSettings = useFaxdesk((s) => s.openAccountSettings);
  const chooseOtherFiles = useFaxdesk((s) => s.chooseOtherFiles);
  const openCompose = useFaxdesk((s) => s.openCompose);

  const button = (label: string, onClick: () => void, spoken = fax ? `${label} (fax to ${fax})` : undefined) => (
    <button
      type="button"
      className="error-action"
      disabled={busy}
      aria-label={spoken ?? (compact ? label : undefined)}
      title={compact ? label : undefined}
      onClick={onClick}
    >
      {compact ? SHORT[action.kind] ?? label : label}
    </button>
  );
  switch (action.kind) {
    case 'retry':
      return onRetry ? button(busy ? 'Retrying…' : 'Retry', onRetry, fax ? `Retry fax to ${fax}` : undefined) : null;
    case 'open_account_settings':
      return button(`Open settings for ${accountName ?? 'the account'}`, () => openAccountSettings(action.accountId));
    case 'open_settings':
      return button('Open Settings', () => openAccountSettings());
    case 'choose_other_files':
      return button('Choose other files…', chooseOtherFiles);
    case 'new_fax':
      return button('New fax…', openCompose);
    case 'check_with_recipient':
    case 'none':
      return null;
  }
}
