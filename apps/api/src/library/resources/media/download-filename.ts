/** Longest file name offered (characters, before `.mp4`). */
const NAME_MAX = 80;

/**
 * A safe download name for a resource's MP4: the title without path separators, control
 * characters, characters Windows refuses and leading dots, whitespace collapsed, at most
 * NAME_MAX characters.
 */
export function downloadFilename(title: string): string {
  const cleaned = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/\s+/g, ' ');
  const name = [...cleaned].slice(0, NAME_MAX).join('').trim();
  return `${name || 'video'}.mp4`;
}
