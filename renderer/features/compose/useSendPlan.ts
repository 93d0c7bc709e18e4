import { useMemo } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { computeSendPlan, coverPlan, type SendPlan } from '../../store/sendPlan';

/** Selects the few inputs narrowly, then derives the plan (a new object each time, so not inside a selector). */
export function useSendPlan(): SendPlan {
  const docs = useFaxdesk((s) => s.docs);
  const pages = useFaxdesk((s) => s.pages);
  const recipients = useFaxdesk((s) => s.recipients);
  const numberText = useFaxdesk((s) => s.numberText);
  const composeAccountId = useFaxdesk((s) => s.composeAccountId);
  const accounts = useFaxdesk((s) => s.accounts);
  const appSettings = useFaxdesk((s) => s.appSettings);
  const coverMode = useFaxdesk((s) => s.coverMode);
  const serverCoverId = useFaxdesk((s) => s.serverCoverId);
  const coverError = useFaxdesk((s) => s.coverError);
  const coverPreview = useFaxdesk((s) => s.coverPreview);
  return useMemo(
    () => computeSendPlan({
      docs, pages, recipients, numberText, composeAccountId, accounts, appSettings, cover: coverPlan({ coverMode, serverCoverId, coverError, coverPreview }),
    }),
    [docs, pages, recipients, numberText, composeAccountId, accounts, appSettings, coverMode, serverCoverId, coverError, coverPreview],
  );
}
