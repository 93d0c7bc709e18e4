import { useId, useState } from 'react';
import { COVER_STYLES, MAX_LOGO_BYTES, type CoverLayout, type CoverLogo, type CoverTemplate } from '../../../common/domain/cover';
import { useFaxdesk } from '../../store/StoreProvider';

const STYLE_WORDS: Record<CoverLayout['style'], string> = { plain: 'Plain', letterhead: 'Letterhead', healthcare: 'Letterhead with notice' };

/**
 * A template of the person's own: a built-in one is duplicated first. The sender fields typed in
 * compose are saved with it, with its title, style, logo and notice.
 */
export function CoverTemplateEditor({ template, onDone }: { template: CoverTemplate; onDone(): void }) {
  const save = useFaxdesk((s) => s.saveCoverTemplate);
  const remove = useFaxdesk((s) => s.removeCoverTemplate);
  const [name, setName] = useState(template.builtIn ? `${template.name} (mine)` : template.name);
  const [layout, setLayout] = useState<CoverLayout>(template.layout);
  const [logo, setLogo] = useState<CoverLogo | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const hasLogo = logo === undefined ? !!template.logo : logo !== null;

  const pickLogo = async (file: File | undefined) => {
    if (!file) return;
    const type = file.type === 'image/png' ? 'png' : file.type === 'image/jpeg' ? 'jpeg' : null;
    if (!type || file.size > MAX_LOGO_BYTES) return setProblem('The logo must be a PNG or JPEG of at most 512 KB.');
    setProblem(null);
    setLogo({ type, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  return (
    <div className="cover-template" role="group" aria-label="Cover page template">
      <div className="cover-grid">
        <div className="field"><label htmlFor={`${id}-name`}>Template name</label><input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-title`}>Title</label><input id={`${id}-title`} value={layout.title} maxLength={40} onChange={(e) => setLayout({ ...layout, title: e.target.value })} /></div>
        <div className="field">
          <label htmlFor={`${id}-style`}>Layout</label>
          <select id={`${id}-style`} value={layout.style} onChange={(e) => setLayout({ ...layout, style: e.target.value as CoverLayout['style'] })}>
            {COVER_STYLES.map((style) => <option key={style} value={style}>{STYLE_WORDS[style]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-logo-at`}>Logo position</label>
          <select id={`${id}-logo-at`} value={layout.logoPosition} onChange={(e) => setLayout({ ...layout, logoPosition: e.target.value as 'left' | 'right' })}>
            <option value="left">Left</option>
            <option value="right">Right</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-logo`}>Logo (PNG or JPEG, letterhead layouts){hasLogo ? ' — one is set' : ''}</label>
        <input id={`${id}-logo`} type="file" accept="image/png,image/jpeg" onChange={(e) => void pickLogo(e.target.files?.[0])} />
        {hasLogo && <button type="button" onClick={() => setLogo(null)}>Remove logo</button>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-notice`}>Notice at the foot of the page</label>
        <textarea id={`${id}-notice`} rows={3} value={layout.notice} maxLength={1_500} onChange={(e) => setLayout({ ...layout, notice: e.target.value })} />
      </div>
      {problem && <p className="banner banner-danger" role="alert">{problem}</p>}
      <div className="cover-template-actions">
        <button type="button" className="primary" disabled={!name.trim() || !layout.title.trim()} onClick={() => void save(name.trim(), { layout, ...(logo !== undefined ? { logo } : {}) }).then((ok) => ok && onDone())}>
          {template.builtIn ? 'Save as my template' : 'Save template'}
        </button>
        {!template.builtIn && <button type="button" onClick={() => void remove(template.id).then(onDone)}>Delete template</button>}
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </div>
  );
}
