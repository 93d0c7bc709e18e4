import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../main/shell/appProtocol';

/** app://faxdesk/… maps to renderer files, and /documents/<id> to what the core says is sent. */
const lookup = (id: string) => (id === 'd1' ? { path: '/data/documents/d1.pdf', contentType: 'application/pdf' } : undefined);

describe('the app:// protocol', () => {
  it('serves a document\'s content from the core, by id only', () => {
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/documents/d1', lookup)).toEqual({ file: '/data/documents/d1.pdf', contentType: 'application/pdf' });
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/documents/nope', lookup)).toBeUndefined();
    expect(resolveAppRequest('/app/out/renderer', 'app://other/documents/d1', lookup)).toBeUndefined();
  });

  it('serves renderer files and nothing outside them', () => {
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/index.html', lookup)).toEqual({ file: join('/app/out/renderer', 'index.html') });
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/..%2F..%2Fpackage.json', lookup)).toBeUndefined();
  });
});
