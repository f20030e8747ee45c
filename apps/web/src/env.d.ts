declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

// hls.js's light build (no subtitles, alternate audio or DRM, which the players don't use) has
// the full build's API; the package ships types for the full build only.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
