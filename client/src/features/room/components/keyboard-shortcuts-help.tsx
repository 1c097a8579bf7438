/** A small disclosure listing the room's shortcuts; native <details> so it needs no script to work. */
export function KeyboardShortcutsHelp({ supportShortcut }: { supportShortcut: boolean }) {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl className="shortcuts__list">
        <div>
          <dt><kbd>M</kbd></dt>
          <dd>Turn your microphone on or off</dd>
        </div>
        <div>
          <dt><kbd>V</kbd></dt>
          <dd>Turn your camera on or off</dd>
        </div>
        <div>
          <dt><kbd>G</kbd></dt>
          <dd>Show or hide the group's ground rules</dd>
        </div>
        {supportShortcut ? (
          <div>
            <dt><kbd>H</kbd></dt>
            <dd>Ask your facilitators for support, privately</dd>
          </div>
        ) : null}
      </dl>
      <p className="shortcuts__note">Shortcuts do nothing while you are typing in a text field.</p>
    </details>
  );
}
