import type { CSSProperties, MouseEvent } from 'react';
import { removedByRetentionWords } from '../../../common/domain/retention';
import type { InboxFax } from '../../../common/domain/inbox';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax, formatTime, plural } from '../../ui/format';
import { faxStatus } from './faxStatus';
import { TagDot } from '../../ui/tagColour';

export const ROW_HEIGHT = 34;

/** The option's id, for the listbox's aria-activedescendant. */
export const rowId = (faxId: string) => `inbox-fax-${faxId}`;

/** Who sent it, as a person reads it: the contact's name when the number is in the address book. */
export function senderOf(fax: InboxFax): string {
  if (!fax.from) return 'Unknown sender';
  return fax.contactName ? `${fax.contactName} · ${formatFax(fax.from)}` : formatFax(fax.from);
}

interface RowProps {
  fax: InboxFax;
  index: number;
  total: number;
  selected: boolean;
  style: CSSProperties;
  onPick(e: MouseEvent<HTMLDivElement>): void;
}

/**
 * One received fax on one line: time, sender (and subject), pages, account, status. Unread faxes
 * are bold. Details belong in the right pane, said once.
 */
export function InboxRow({ fax, index, total, selected, style, onPick }: RowProps) {
  const dragOut = useFaxdesk((s) => s.dragFaxOut);
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === fax.accountId)?.name ?? 'Removed account');
  const status = faxStatus(fax);
  return (
    <div
      id={rowId(fax.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`inbox-row${fax.read ? '' : ' unread'}${selected ? ' selected' : ''}`}
      style={style}
      title={[senderOf(fax), fax.demo ? `${account} (Demo)` : account, status.text].join(' · ')}
      onClick={onPick}
      // Dragged to the desktop or a folder, a fax whose pages are here becomes a PDF file there.
      draggable={fax.document.state === 'ready'}
      onDragStart={(e) => { if (dragOut(fax, e.dataTransfer)) e.preventDefault(); }}
    >
      <span className="inbox-time">{formatTime(fax.createdAt)}</span>
      <span className="inbox-from">
        <span className="inbox-sender">
          {senderOf(fax)}
          {fax.subject && <span className="muted inbox-subject"> · {fax.subject}</span>}
          {fax.filedTo && <span className="muted inbox-subject"> · Filed to {fax.filedTo}</span>}
        </span>
        {fax.tags.map((t) => <span key={t} className="badge badge-tag"><TagDot tag={t} />{t}</span>)}
        {/* A Demo account's fax came from the built-in emulator: said wherever it appears. */}
        {fax.demo && <span className="badge badge-demo">Demo</span>}
        {fax.archived && <span className="badge badge-tag">Archived</span>}
        {fax.removedByRetentionAt && <span className="badge badge-tag" title={removedByRetentionWords(fax.removedByRetentionAt)}>Document removed</span>}
      </span>
      <span className="inbox-pages">{fax.pages === undefined ? '—' : plural(fax.pages, 'page')}</span>
      <span className="inbox-account">{account}</span>
      <span className="inbox-status">
        <span className={`status status-${status.tone}`}>
          <span aria-hidden="true">{status.short}</span>
          <span className="sr-only">{status.text}</span>
        </span>
      </span>
    </div>
  );
}

/** A row whose page is still on its way (fast scrolling through a long inbox). */
export function PlaceholderRow({ style }: { style: CSSProperties }) {
  return (
    <div className="inbox-row placeholder" style={style} aria-hidden="true">
      <span className="inbox-skeleton" />
    </div>
  );
}
