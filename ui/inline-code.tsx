/** A sentence with commands between backticks, the commands set as code: "start it with `npm start`". */
export function InlineCode({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
