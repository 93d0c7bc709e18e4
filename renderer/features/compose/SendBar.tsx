import { useId } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { ErrorActionButton } from '../../ui/ErrorActionButton';
import { formatFax, modKey } from '../../ui/format';
import { useSendPlan } from './useSendPlan';
import { SendLater, sendAtProblem, whenText } from './SendLater';

export function SendBar() {
  const plan = useSendPlan();
  const sending = useFaxdesk((s) => s.sending);
  const sendError = useFaxdesk((s) => s.sendError);
  const send = useFaxdesk((s) => s.send);
  const reasonId = useId();
  const duplicate = sendError?.code === 'possible_duplicate';
  const newNumbers = useFaxdesk((s) => s.newNumbers);
  const sendAt = useFaxdesk((s) => s.sendAt);
  const timeProblem = sendAtProblem(sendAt);
  return (
    <div className="send-bar">
      {plan.accountProblem && (
        <div className="banner banner-danger" role="alert">
          <p>{plan.accountProblem.message}</p>
          <div><ErrorActionButton action={{ kind: 'open_account_settings', accountId: plan.accountProblem.accountId }} /></div>
        </div>
      )}
      {newNumbers && newNumbers.length > 0 && (
        <div className="banner banner-warning" role="alert">
          <p>
            <strong>First fax to {newNumbers.length === 1 ? formatFax(newNumbers[0]!) : `${newNumbers.length} new numbers (${newNumbers.map(formatFax).join(', ')})`}?</strong>{' '}
            No fax has gone to {newNumbers.length === 1 ? 'this number' : 'these numbers'} from Faxdesk before. Check {newNumbers.length === 1 ? 'it' : 'them'} against
            the recipient’s letterhead or website: one wrong digit sends these pages to a stranger.
          </p>
          <div><button type="button" disabled={sending} onClick={() => void send(false, true)}>The number is right — send</button></div>
        </div>
      )}
      {duplicate && (
        <div className="banner banner-warning" role="alert">
          <p><strong>Send these pages again?</strong> {sendError.message} {sendError.nextStep}</p>
          <div><button type="button" disabled={sending} onClick={() => void send(true)}>Send again anyway</button></div>
        </div>
      )}
      {sendError && !duplicate && (
        <div className="banner banner-danger" role="alert">
          <p><strong>The fax was not sent.</strong> {sendError.message} {sendError.nextStep}</p>
          {sendError.fields && (
            <ul>{Object.entries(sendError.fields).map(([k, v]) => <li key={k}>{v}</li>)}</ul>
          )}
          <div><ErrorActionButton action={sendError.action} busy={sending} onRetry={() => void send()} /></div>
        </div>
      )}
      {plan.problems.length > 1 && (
        <ul className="refusals" aria-label="Why this fax cannot be sent as it is">
          {plan.problems.map((p) => <li key={p} className="refusal">{p}</li>)}
        </ul>
      )}
      {plan.caution && <p className="banner banner-warning">{plan.caution}</p>}
      <SendLater />
      <div className="send-row">
        <p id={reasonId} className="hint" aria-live="polite">
          {plan.reason ?? `${modKey}Enter sends.`}
        </p>
        <button
          type="button"
          className="primary send-button"
          disabled={!plan.canSend || sending || timeProblem !== null}
          aria-describedby={reasonId}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => void send()}
        >
          {sending ? 'Sending…' : sendAt && !timeProblem && plan.canSend ? `${plan.label}, ${whenText(sendAt)}` : plan.label}
        </button>
      </div>
    </div>
  );
}
