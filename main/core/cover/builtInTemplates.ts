import type { CoverTemplate } from '../../../common/domain/cover';

const NO_SENDER = { name: '', organisation: '', phone: '', fax: '' };

/** The usual US healthcare wording (HIPAA): what to do with a fax that reached the wrong person. */
export const HEALTHCARE_NOTICE = 'This fax may contain protected health information that is privileged and confidential. '
  + 'It is intended only for the person or organisation named above. If you are not the intended recipient, you are '
  + 'notified that any review, disclosure, copying or distribution of this information is strictly prohibited. If you '
  + 'received this fax in error, please notify the sender by telephone at once and destroy all pages.';

/** The cover templates every Faxdesk has; a person duplicates one to make their own. */
export const BUILT_IN_TEMPLATES: readonly CoverTemplate[] = [
  { id: 'builtin:plain', name: 'Plain', builtIn: true, sender: NO_SENDER, layout: { style: 'plain', logoPosition: 'left', title: 'Fax', notice: '' } },
  { id: 'builtin:letterhead', name: 'Business letterhead', builtIn: true, sender: NO_SENDER, layout: { style: 'letterhead', logoPosition: 'left', title: 'Fax', notice: '' } },
  {
    id: 'builtin:healthcare', name: 'Healthcare (confidential)', builtIn: true, sender: NO_SENDER,
    layout: { style: 'healthcare', logoPosition: 'left', title: 'Confidential fax', notice: HEALTHCARE_NOTICE },
  },
];
