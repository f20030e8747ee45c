import type { RecordingTrackKind } from '@tongke/contracts';
import { boundaries, covers, type Interval, intersect, subtract, union } from './time-intervals';

/** One closed segment file of a take: an absolute path and its span relative to the take's start. */
export interface PlanSegment {
  path: string;
  startS: number;
  endS: number;
}

/** A recorded take as the planner sees it. */
export interface PlanTake {
  id: string;
  track: RecordingTrackKind;
  /** Seconds from the lesson's start (the manifest's `startedAt`) to the take's media time 0. */
  offsetS: number;
  hasAudio: boolean;
  hasVideo: boolean;
  segments: PlanSegment[];
}

/** What to compose: the takes, a window of the lesson timeline and the output picture. */
export interface CompositionRequest {
  takes: PlanTake[];
  /** Seconds since the lesson's start; the output covers exactly [fromS, toS). */
  fromS: number;
  toS: number;
  width: number;
  height: number;
  fps: number;
}

/** What the picture shows: the screen large with the teacher inset, only one of them, or black. */
export type CompositionLayout = 'screen-with-camera' | 'screen' | 'camera' | 'empty';

export interface TimelineWindow extends Interval {
  layout: CompositionLayout;
}

/** One ffmpeg input: contiguous segments of one take, read through the concat demuxer. */
export interface PlannedInput {
  takeId: string;
  track: RecordingTrackKind;
  /** The ffconcat list (written to a file by the caller). */
  concat: string;
  /** Input seek into the run (seconds) and how much of it to read. */
  seekS: number;
  durationS: number;
  /** Where the input's first instant lands in the output (seconds from the output's start). */
  atS: number;
  video?: 'screen' | 'camera';
  audio: boolean;
}

export interface CompositionPlan {
  durationS: number;
  windows: TimelineWindow[];
  inputs: PlannedInput[];
  /** For `-filter_complex`: labels `[vout]` (yuv420p, the request's size and rate) and `[aout]` (48 kHz stereo). */
  filtergraph: string;
}

export const AUDIO_RATE = 48_000;
/** Segments of a take further apart than this start a new input (the recorder lost some). */
const RUN_GAP_S = 0.25;
/** The teacher's inset: a quarter of the width, in the bottom-right corner. */
const INSET_WIDTH_SHARE = 0.25;
const INSET_MARGIN_SHARE = 0.025;

const num = (n: number) => String(Math.round(n * 1000) / 1000);
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

interface Run {
  take: PlanTake;
  segments: PlanSegment[];
  span: Interval;
}

/**
 * Plans one composition of a recorded lesson window (pure): which segments to read, when the
 * screen is shown large with the teacher's camera inset or the camera fills the frame, black
 * where nothing was recorded, and the ffmpeg filtergraph doing it with the lead's audio mixed
 * with the on-stage classroom's. Used for the whole lesson (processing) and for time-shift chunks.
 */
export function planComposition(req: CompositionRequest): CompositionPlan {
  if (!(req.toS > req.fromS)) throw new Error(`empty composition window [${req.fromS}, ${req.toS})`);
  const window: Interval = { fromS: req.fromS, toS: req.toS };
  const inputs = req.takes.flatMap((take) => runsOf(take, window)).flatMap((run) => toInput(run, window));
  const screen = union(spansOf(inputs, 'screen', req.fromS));
  const camera = union(spansOf(inputs, 'camera', req.fromS));
  return {
    durationS: req.toS - req.fromS,
    windows: windowsOf(window, screen, camera),
    inputs,
    filtergraph: [
      ...baseSources(req),
      ...videoChain(req, inputs, subtractOrigin(screen, req.fromS)),
      ...audioChain(inputs),
    ].join(';\n'),
  };
}

/** ffmpeg arguments for the plan's inputs, given the files its concat lists were written to. */
export function inputArgs(plan: CompositionPlan, listFiles: string[]): string[] {
  return plan.inputs.flatMap((input, i) => [
    ...(input.seekS > 0 ? ['-ss', num(input.seekS)] : []),
    ...['-t', num(input.durationS), '-f', 'concat', '-safe', '0', '-i', listFiles[i]],
  ]);
}

/** The take's segments overlapping the window, split where the take has holes. */
function runsOf(take: PlanTake, window: Interval): Run[] {
  const runs: Run[] = [];
  let current: PlanSegment[] = [];
  const flush = () => {
    if (current.length) runs.push({ take, segments: current, span: spanOf(take, current) });
    current = [];
  };
  for (const seg of take.segments) {
    const from = take.offsetS + seg.startS;
    const to = take.offsetS + seg.endS;
    const prev = current[current.length - 1];
    if (prev && seg.startS - prev.endS > RUN_GAP_S) flush();
    if (to > window.fromS && from < window.toS && seg.endS > seg.startS) current.push(seg);
    else flush();
  }
  flush();
  return runs;
}

function spanOf(take: PlanTake, segments: PlanSegment[]): Interval {
  return { fromS: take.offsetS + segments[0].startS, toS: take.offsetS + segments[segments.length - 1].endS };
}

function toInput(run: Run, window: Interval): PlannedInput[] {
  const { take } = run;
  const video = videoRole(take);
  if (!video && !take.hasAudio) return [];
  const fromS = Math.max(run.span.fromS, window.fromS);
  const toS = Math.min(run.span.toS, window.toS);
  return [
    {
      takeId: take.id,
      track: take.track,
      concat: concatList(run.segments),
      seekS: fromS - run.span.fromS,
      durationS: toS - fromS,
      atS: fromS - window.fromS,
      ...(video && { video }),
      audio: take.hasAudio,
    },
  ];
}

/** What a take's picture is used for: the lead's screen and camera are shown, the stage's is not. */
function videoRole(take: PlanTake): PlannedInput['video'] {
  if (!take.hasVideo) return undefined;
  return take.track === 'lead-screen' ? 'screen' : take.track === 'lead-av' ? 'camera' : undefined;
}

/** An ffconcat list: each segment placed where the next one starts (the last by its own length). */
function concatList(segments: PlanSegment[]): string {
  const quote = (p: string) => `'${p.replace(/'/g, "'\\''")}'`;
  const lines = segments.flatMap((s, i) => {
    const next = segments[i + 1];
    return [`file ${quote(s.path)}`, `duration ${num((next ? next.startS : s.endS) - s.startS)}`];
  });
  return ['ffconcat version 1.0', ...lines, ''].join('\n');
}

/** Lesson-time spans (absolute) of the inputs showing `video`. */
function spansOf(inputs: PlannedInput[], video: 'screen' | 'camera', fromS: number): Interval[] {
  return inputs
    .filter((i) => i.video === video)
    .map((i) => ({ fromS: fromS + i.atS, toS: fromS + i.atS + i.durationS }));
}

function subtractOrigin(spans: Interval[], originS: number): Interval[] {
  return spans.map((s) => ({ fromS: s.fromS - originS, toS: s.toS - originS }));
}

function windowsOf(window: Interval, screen: Interval[], camera: Interval[]): TimelineWindow[] {
  const points = boundaries([...screen, ...camera], window.fromS, window.toS);
  const windows: TimelineWindow[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const mid = (points[i] + points[i + 1]) / 2;
    const s = covers(screen, mid);
    const c = covers(camera, mid);
    const layout: CompositionLayout = s && c ? 'screen-with-camera' : s ? 'screen' : c ? 'camera' : 'empty';
    const last = windows[windows.length - 1];
    if (last?.layout === layout) last.toS = points[i + 1];
    else windows.push({ fromS: points[i], toS: points[i + 1], layout });
  }
  return windows;
}

function baseSources(req: CompositionRequest): string[] {
  const d = num(req.toS - req.fromS);
  return [
    `color=c=black:s=${req.width}x${req.height}:r=${num(req.fps)}:d=${d},format=yuv420p[base]`,
    `anullsrc=r=${AUDIO_RATE}:cl=stereo:d=${d}[abase]`,
  ];
}

/** An `enable` expression true inside the (output-time) spans. */
function enableExpr(spans: Interval[]): string {
  return spans.map((s) => `gte(t,${num(s.fromS)})*lt(t,${num(s.toS)})`).join('+');
}

interface Layer {
  label: string;
  /** Output-time spans the layer is shown in. */
  spans: Interval[];
  /** Overlay position (default: top-left, for full-frame layers). */
  at?: string;
}

interface Geometry {
  fit: string;
  inset: string;
  insetAt: string;
}

function geometryOf(req: CompositionRequest): Geometry {
  const { width: w, height: h } = req;
  const margin = even(w * INSET_MARGIN_SHARE);
  return {
    fit: `scale=${w}:${h}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`,
    inset: `scale=${even(w * INSET_WIDTH_SHARE)}:-2,setsar=1`,
    insetAt: `x=W-w-${margin}:y=H-h-${margin}:`,
  };
}

/**
 * Screens fill the frame (fitted, black bars), then the camera fills the frame outside screen
 * spans, then the camera's inset sits on top during screen spans. `screen` is in output time.
 */
function videoChain(req: CompositionRequest, inputs: PlannedInput[], screen: Interval[]): string[] {
  const geometry = geometryOf(req);
  const lines: string[] = [];
  const full: Layer[] = [];
  const insets: Layer[] = [];
  inputs.forEach((input, i) => {
    if (!input.video) return;
    const src = `[${i}:v:0]setpts=PTS+${num(input.atS)}/TB`;
    const span: Interval[] = [{ fromS: input.atS, toS: input.atS + input.durationS }];
    if (input.video === 'screen') {
      lines.push(`${src},${geometry.fit}[s${i}]`);
      full.push({ label: `s${i}`, spans: span });
    } else {
      lines.push(...cameraBranches(i, src, span, screen, geometry, { full, insets }));
    }
  });
  return [...lines, ...overlays([...full, ...insets])];
}

/** The camera full-frame outside screen spans and inset during them (split when it is both). */
function cameraBranches(
  i: number,
  src: string,
  span: Interval[],
  screen: Interval[],
  geometry: Geometry,
  out: { full: Layer[]; insets: Layer[] },
): string[] {
  const fullSpans = subtract(span, screen);
  const insetSpans = intersect(span, screen);
  const lines: string[] = [];
  if (fullSpans.length && insetSpans.length) lines.push(`${src},split=2[cf_in${i}][ci_in${i}]`);
  const input = (branch: string) => (fullSpans.length && insetSpans.length ? `[${branch}_in${i}]` : `${src},`);
  if (fullSpans.length) {
    lines.push(`${input('cf')}${geometry.fit}[cf${i}]`);
    out.full.push({ label: `cf${i}`, spans: fullSpans });
  }
  if (insetSpans.length) {
    lines.push(`${input('ci')}${geometry.inset}[ci${i}]`);
    out.insets.push({ label: `ci${i}`, spans: insetSpans, at: geometry.insetAt });
  }
  return lines;
}

function overlays(layers: Layer[]): string[] {
  let main = 'base';
  const lines = layers.map((layer, k) => {
    const line = `[${main}][${layer.label}]overlay=${layer.at ?? ''}eof_action=pass:enable='${enableExpr(layer.spans)}'[v${k}]`;
    main = `v${k}`;
    return line;
  });
  return [...lines, `[${main}]null[vout]`];
}

/** Every input's audio, padded with silence to its place, mixed over a silent bed as long as the output. */
function audioChain(inputs: PlannedInput[]): string[] {
  const lines: string[] = [];
  const labels: string[] = [];
  inputs.forEach((input, i) => {
    if (!input.audio) return;
    lines.push(
      `[${i}:a:0]asetpts=PTS+${num(input.atS)}/TB,aresample=${AUDIO_RATE}:async=1:first_pts=0,` +
        `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo[a${i}]`,
    );
    labels.push(`[a${i}]`);
  });
  const mix = labels.length
    ? `[abase]${labels.join('')}amix=inputs=${labels.length + 1}:duration=first:dropout_transition=0:normalize=0[aout]`
    : '[abase]anull[aout]';
  return [...lines, mix];
}
