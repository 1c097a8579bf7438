/** A small disclosure listing the room's shortcuts; native <details> so it needs no script to work. */
export function KeyboardShortcutsHelp({ supportShortcut, handShortcut = false, talkTimeShortcut = false }: { supportShortcut: boolean; handShortcut?: boolean; talkTimeShortcut?: boolean }) {
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
        {handShortcut ? (
          <div>
            <dt><kbd>R</kbd></dt>
            <dd>Raise or lower your hand</dd>
          </div>
        ) : null}
        {talkTimeShortcut ? (
          <div>
            <dt><kbd>T</kbd></dt>
            <dd>Show or hide talk time (facilitators only)</dd>
          </div>
        ) : null}
        {supportShortcut ? (
          <div>
            <dt><kbd>H</kbd></dt>
            <dd>Ask your facilitators for support, privately: sent at once, and you can add more after</dd>
          </div>
        ) : null}
      </dl>
      <p className="shortcuts__note">Shortcuts do nothing while you are typing in a text field.</p>
    </details>
  );
}
