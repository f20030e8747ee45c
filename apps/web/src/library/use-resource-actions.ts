import type { ResourceView } from '@tongke/contracts';
import { ref } from 'vue';
import { deleteResource, getDownload, setFavourite } from '../api/library.api';

/** A resource page's favourite toggle, download and delete; `update` receives the changed resource. */
export function useResourceActions(update: (r: ResourceView) => void, onError: (err: unknown) => void) {
  const busy = ref<'favourite' | 'download' | 'delete' | null>(null);

  async function run(kind: NonNullable<typeof busy.value>, action: () => Promise<void>): Promise<boolean> {
    if (busy.value) return false;
    busy.value = kind;
    try {
      await action();
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** PUT or DELETE …/favourite; the count follows locally. */
  function toggleFavourite(r: ResourceView): Promise<boolean> {
    const favourite = !r.favourite;
    return run('favourite', async () => {
      await setFavourite(r.id, favourite);
      update({ ...r, favourite, favourites: Math.max(0, r.favourites + (favourite ? 1 : -1)) });
    });
  }

  /** A signed MP4 link (counts one download), then the browser fetches it. */
  function download(r: ResourceView): Promise<boolean> {
    return run('download', async () => {
      const link = await getDownload(r.id);
      update({ ...r, downloads: r.downloads + 1 });
      const a = document.createElement('a');
      a.href = link.url;
      a.download = link.filename;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  function remove(r: ResourceView): Promise<boolean> {
    return run('delete', async () => {
      await deleteResource(r.id);
    });
  }

  return { busy, toggleFavourite, download, remove };
}
