/** Shown when the page runs without preload or the dev bridge: say what is wrong instead of a blank window. */
export function NoBridge() {
  return (
    <main className="no-bridge">
      <h1>Faxdesk can’t reach its core</h1>
      <p role="alert">
        This page was opened without the Faxdesk app around it. Start Faxdesk (or <code>npm run dev:web</code>) and open it
        from there.
      </p>
    </main>
  );
}
