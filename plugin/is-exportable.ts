/**
 * Whether Figma can export `node` as an image. Today's typings give every scene node an
 * `exportAsync`, but the sandbox is the edge of a runtime we do not control: check, do not assume.
 */
export function isExportable(node: SceneNode): boolean {
  return typeof (node as Partial<ExportMixin>).exportAsync === 'function';
}
