import { useFaxdesk } from '../store/StoreProvider';

/**
 * The polite live region: screen readers hear a fax change state (and what an action did) without
 * losing their place. Keyed by sequence, so the same words said twice are announced twice.
 */
export function LiveAnnouncer() {
  const { text, seq } = useFaxdesk((s) => s.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
      <span key={seq}>{text}</span>
    </div>
  );
}
