/** Before the first run: what Chorus will do. */
export function IdlePanel() {
  return (
    <div class="state">
      <p class="hint">Chorus finds the colours of the frames you select, names their roles, and turns them into paint styles.</p>
    </div>
  );
}
