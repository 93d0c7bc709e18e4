import type { AppSettings } from '../../../common/ipc/contract';
import { PaperSizeSchema } from '../../../common/domain/document';
import type { MetaRepo } from '../store/metaRepo';

const DEFAULTS: AppSettings = { paperSize: 'auto' };

/** Faxdesk's own settings (not an account's), one row each in the meta table. */
export class AppSettingsStore {
  constructor(private readonly meta: MetaRepo) {}

  get(): AppSettings {
    const paper = PaperSizeSchema.safeParse(this.meta.get('settings.paperSize'));
    return { ...DEFAULTS, ...(paper.success ? { paperSize: paper.data } : {}) };
  }

  update(change: Partial<AppSettings>): AppSettings {
    if (change.paperSize !== undefined) this.meta.set('settings.paperSize', change.paperSize);
    return this.get();
  }
}
