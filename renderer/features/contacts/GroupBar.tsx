import { useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';

/** Groups for broadcasts: show one group's members, make a group, rename or delete one. Members are ticked on each contact. */
export function GroupBar() {
  const groups = useFaxdesk((s) => s.contactGroups);
  const groupId = useFaxdesk((s) => s.contactsGroupId);
  const show = useFaxdesk((s) => s.showContactGroup);
  const saveGroup = useFaxdesk((s) => s.saveGroup);
  const removeGroup = useFaxdesk((s) => s.removeGroup);
  const [naming, setNaming] = useState<'new' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const group = groups.find((g) => g.id === groupId);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await saveGroup(naming === 'rename' && group ? group.id : null, name, naming === 'rename' && group ? group.memberIds : []);
    if (!r.ok) { setProblem(r.error.fields?.name ?? r.error.message); return; }
    show(r.value.id);
    setNaming(null);
  };

  return (
    <div className="group-bar" role="group" aria-label="Groups">
      <label htmlFor="group-filter">Show</label>
      <select id="group-filter" value={groupId ?? ''} onChange={(e) => show(e.target.value || null)}>
        <option value="">All contacts</option>
        {groups.map((g) => <option key={g.id} value={g.id}>{g.name} ({plural(g.memberIds.length, 'member')})</option>)}
      </select>
      <button type="button" onClick={() => { setName(''); setProblem(null); setNaming('new'); }}>New group</button>
      {group && <button type="button" onClick={() => { setName(group.name); setProblem(null); setNaming('rename'); }}>Rename</button>}
      {group && <button type="button" className="danger" onClick={() => setDeleting(true)}>Delete group</button>}
      {group && <span className="hint">Add members from each contact’s Groups. In compose, type the group’s name to add everyone.</span>}
      <Dialog title={naming === 'rename' ? 'Rename group' : 'New group'} open={naming !== null} onClose={() => setNaming(null)}>
        <form className="dialog-body" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="group-name">Group name</label>
            <input id="group-name" value={name} data-autofocus onChange={(e) => setName(e.target.value)} aria-invalid={problem ? true : undefined} />
            {problem && <p className="field-error">{problem}</p>}
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => setNaming(null)}>Cancel</button>
            <button type="submit" className="primary">{naming === 'rename' ? 'Save' : 'Create group'}</button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog title={`Delete the group ${group?.name ?? ''}?`} open={deleting} confirmLabel="Delete group" danger
        onCancel={() => setDeleting(false)} onConfirm={() => { setDeleting(false); if (group) void removeGroup(group.id); }}>
        <p>The group goes; its contacts stay in the address book.</p>
      </ConfirmDialog>
    </div>
  );
}
