import type { StyleSnapshot, VariablesSnapshot } from '../../fakes/figma-fake.ts';

/** Name of the fixture frame on the fake page; the UI shows it when selected. */
export const FRAME_NAME = 'Login — Primer light';
export const BROKEN_FRAME_NAME = 'Broken export';

/** What the harness page exposes to the test (through page.evaluate) as `window.chorusHarness`. */
export interface ChorusHarness {
  /** The designer selecting the fixture frame. */
  selectFrame(): void;
  selectNothing(): void;
  /** The designer selecting the same screen built as layers (frames, texts, a button), exporting the fixture's pixels. */
  selectLayeredFrame(): void;
  /** How many solid fills and strokes of the layered frame are bound to a variable. */
  layerBindings(): number;
  /** The designer's Ctrl+Z once. */
  undoOnce(): void;
  /** With `?darkFrame=1`: the designer selecting the light frame and a dark one, two versions for modes. */
  selectLightAndDark(): void;
  /** The fixture frame's node id (what a palette's `source` names). */
  frameId(): string;
  /** Ids of the nodes selected on the current page now. */
  selection(): string[];
  /** The designer selecting a frame whose export is not a readable PNG. */
  selectBrokenFrame(): void;
  /** Live local paint styles in the fake, as plain data. */
  styles(): StyleSnapshot[];
  /** Local variables and collections in the fake, as plain data. */
  variables(): VariablesSnapshot;
  /** The designer editing a style's colour by hand in Figma (`#rrggbb`). */
  editStyleByHand(styleId: string, hex: string): void;
  /** The plugin's figma.clientStorage as JSON text (what it saved, whatever its keys). */
  clientStorageText(): string;
  /** Times the plugin called figma.commitUndo(). */
  undoCommits(): number;
  /** Undo steps the plugin's actions made (what Ctrl+Z walks back through). */
  undoSteps(): number;
  /** Errors thrown by the plugin's handlers, as text. */
  uncaughtErrors(): string[];
  /** Resolves when the fake has nothing left to deliver. */
  settle(): Promise<void>;
}

/** What decode-entry.ts reports about one decode of the fixture. */
export interface DecodeProbe {
  decoder: 'native' | 'jimp';
  width: number;
  height: number;
  /** FNV-1a of the RGBA bytes. */
  fnv1a: number;
  /** Pixels exactly #ffffff. */
  whitePixels: number;
}

declare global {
  interface Window {
    /** decode.html: decodes /fixture.png with ui/decode-png.ts, natively or (forced) with jimp. */
    decodeFixture?: (useJimp: boolean) => Promise<DecodeProbe>;
    chorusHarness?: ChorusHarness;
    /** Why the harness could not start, if it could not. */
    chorusHarnessFailure?: string;
  }
}
