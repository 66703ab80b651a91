/** What Chorus is doing while the designer waits. */
export function WorkingPanel({ step }: { step: string }) {
  return (
    <div class="state" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{step}</span>
    </div>
  );
}
