import { type Extension, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import type { AnchoredRange } from './comment-anchors';

// Commented ranges of one editor as CodeMirror marks: set with `setCommentRanges`, mapped
// through edits in between.

export const setCommentRanges = StateEffect.define<AnchoredRange[]>();

const mark = (id: string) => Decoration.mark({ class: 'plan-commented', attributes: { 'data-comment-id': id } });

const commentField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setCommentRanges)) continue;
      const length = tr.state.doc.length;
      const ranges = effect.value
        .map((r) => ({ ...r, from: Math.min(r.from, length), to: Math.min(r.to, length) }))
        .filter((r) => r.from < r.to);
      next = Decoration.set(
        ranges.map((r) => mark(r.id).range(r.from, r.to)),
        true,
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function commentHighlights(): Extension {
  return [
    commentField,
    EditorView.baseTheme({
      '.plan-commented': { backgroundColor: 'rgba(255, 193, 7, 0.35)', borderBottom: '2px solid #ffa000' },
    }),
  ];
}
