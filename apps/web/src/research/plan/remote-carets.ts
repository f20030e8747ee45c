import { type Extension, RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { safeColor } from './plan-colors';

// Remote carets and selections of the other editors of one Y.Text (after y-codemirror.next's
// yRemoteSelections), and publishing the local caret to the awareness. The caret's name label is
// drawn with CSS from an attribute, so the editor's text content stays exactly the document.

interface CursorState {
  anchor: unknown;
  head: unknown;
}

class CaretWidget extends WidgetType {
  constructor(
    readonly color: string,
    readonly name: string,
  ) {
    super();
  }
  toDOM(): HTMLElement {
    const caret = document.createElement('span');
    caret.className = 'cm-remoteCaret';
    caret.style.borderLeftColor = this.color;
    caret.style.setProperty('--caret-color', this.color);
    caret.setAttribute('data-name', this.name);
    caret.setAttribute('aria-hidden', 'true');
    return caret;
  }
  override eq(other: CaretWidget): boolean {
    return other.color === this.color && other.name === this.name;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

function absolute(doc: Y.Doc, json: unknown): Y.AbsolutePosition | null {
  if (!json) return null;
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
  } catch {
    return null;
  }
}

function publishLocal(update: ViewUpdate, ytext: Y.Text, awareness: Awareness): void {
  const local = awareness.getLocalState();
  if (!local) return;
  const focused = update.view.hasFocus;
  const current = local.cursor as CursorState | null | undefined;
  if (focused) {
    const sel = update.state.selection.main;
    const anchor = Y.createRelativePositionFromTypeIndex(ytext, sel.anchor);
    const head = Y.createRelativePositionFromTypeIndex(ytext, sel.head);
    const same =
      current &&
      JSON.stringify(current.anchor) === JSON.stringify(anchor) &&
      JSON.stringify(current.head) === JSON.stringify(head);
    if (!same) awareness.setLocalStateField('cursor', { anchor, head });
  } else if (update.focusChanged && current && absolute(ytext.doc!, current.head)?.type === ytext) {
    awareness.setLocalStateField('cursor', null);
  }
}

function remoteDecorations(view: EditorView, ytext: Y.Text, awareness: Awareness): DecorationSet {
  const doc = ytext.doc;
  const ranges: { from: number; to: number; deco: Decoration }[] = [];
  if (!doc) return Decoration.none;
  const length = view.state.doc.length;
  awareness.getStates().forEach((state, clientId) => {
    const cursor = state.cursor as CursorState | null | undefined;
    if (clientId === awareness.clientID || !cursor) return;
    const anchor = absolute(doc, cursor.anchor);
    const head = absolute(doc, cursor.head);
    if (!anchor || !head || anchor.type !== ytext || head.type !== ytext) return;
    const user = (state.user ?? {}) as { color?: string; colorLight?: string; name?: string };
    const color = safeColor(user.color, '#30bced');
    const from = Math.min(anchor.index, head.index, length);
    const to = Math.min(Math.max(anchor.index, head.index), length);
    if (from < to)
      ranges.push({
        from,
        to,
        deco: Decoration.mark({
          attributes: { style: `background-color: ${safeColor(user.colorLight, `${color}33`)}` },
        }),
      });
    const at = Math.min(head.index, length);
    ranges.push({
      from: at,
      to: at,
      deco: Decoration.widget({
        widget: new CaretWidget(color, user.name ?? ''),
        side: head.index > anchor.index ? -1 : 1,
      }),
    });
  });
  ranges.sort((a, b) => a.from - b.from || a.to - b.to);
  const builder = new RangeSetBuilder<Decoration>();
  for (const r of ranges) builder.add(r.from, r.to, r.deco);
  return builder.finish();
}

export function remoteCarets(ytext: Y.Text, awareness: Awareness): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      private destroyed = false;
      private readonly listener = ({ added, updated, removed }: Record<string, number[]>) => {
        if ([...added, ...updated, ...removed].some((c) => c !== awareness.clientID))
          queueMicrotask(() => !this.destroyed && this.view.dispatch({}));
      };
      constructor(readonly view: EditorView) {
        this.decorations = remoteDecorations(view, ytext, awareness);
        awareness.on('change', this.listener);
      }
      update(update: ViewUpdate): void {
        publishLocal(update, ytext, awareness);
        this.decorations = remoteDecorations(update.view, ytext, awareness);
      }
      destroy(): void {
        this.destroyed = true;
        awareness.off('change', this.listener);
      }
    },
    { decorations: (v) => v.decorations },
  );
  return [
    plugin,
    EditorView.baseTheme({
      '.cm-remoteCaret': { position: 'relative', borderLeft: '2px solid', marginLeft: '-1px', marginRight: '-1px' },
      '.cm-remoteCaret::after': {
        content: 'attr(data-name)',
        position: 'absolute',
        top: '-1.3em',
        left: '-2px',
        padding: '0 3px',
        fontSize: '0.7rem',
        lineHeight: '1.2',
        whiteSpace: 'nowrap',
        color: '#fff',
        backgroundColor: 'var(--caret-color)',
        borderRadius: '3px 3px 3px 0',
        pointerEvents: 'none',
        userSelect: 'none',
      },
    }),
  ];
}
