import type { CollabAwarenessUser } from '@tongke/contracts';

// Each user's caret and avatar colour, the same in every browser (derived from the user id).

const PALETTE = ['#e53935', '#8e24aa', '#3949ab', '#039be5', '#00897b', '#7cb342', '#f4511e', '#6d4c41', '#d81b60'];

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

const HEX_COLOR = /^#[0-9a-f]{6}([0-9a-f]{2})?$/i;

/**
 * A colour from another client's presence, used in inline styles: only `#rrggbb[aa]` is taken
 * (anything else — `url(...)`, `red;position:fixed` — falls back), so no one can style others' pages.
 */
export function safeColor(value: unknown, fallback: string): string {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value : fallback;
}

export function awarenessUser(id: string, name: string): CollabAwarenessUser {
  const color = PALETTE[hash(id) % PALETTE.length];
  return { id, name, color, colorLight: `${color}33` };
}

/** The awareness states' users, one per user id (a user may have several tabs), in join order. */
export function presentUsers(states: Iterable<[number, Record<string, unknown>]>): CollabAwarenessUser[] {
  const byId = new Map<string, CollabAwarenessUser>();
  for (const [, state] of states) {
    const user = state.user as Partial<CollabAwarenessUser> | undefined;
    if (user && typeof user.id === 'string' && typeof user.name === 'string' && !byId.has(user.id))
      byId.set(user.id, {
        id: user.id,
        name: user.name,
        color: safeColor(user.color, PALETTE[0]),
        colorLight: safeColor(user.colorLight, `${PALETTE[0]}33`),
      });
  }
  return [...byId.values()];
}

/** The one or two characters shown in an avatar: the last two of a Chinese name, else initials. */
export function avatarText(name: string): string {
  // 李静（音乐） → 李静: drop bracketed remarks first.
  const trimmed = name.replace(/[（(][^）)]*[）)]/g, '').trim() || name.trim();
  if (!trimmed) return '?';
  if (/[\u4e00-\u9fff]/.test(trimmed)) return [...trimmed].slice(-2).join('');
  const words = trimmed.split(/[\s._-]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('');
}
