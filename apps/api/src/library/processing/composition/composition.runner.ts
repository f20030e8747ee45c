import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { FfmpegRunner, type FfmpegRunOptions } from '../../media-tools/ffmpeg.runner';
import { type CompositionPlan, type CompositionRequest, inputArgs, planComposition } from './composition.planner';

/**
 * Runs a planned composition: writes the plan's concat lists and filtergraph into a scratch
 * directory and hands ffmpeg the inputs, the graph and the caller's output (`[vout]` and
 * `[aout]` are mapped; `outputArgs` say how to encode and where to write).
 */
@Injectable()
export class CompositionRunner {
  constructor(private readonly ffmpeg: FfmpegRunner) {}

  async run(
    request: CompositionRequest,
    scratchDir: string,
    outputArgs: string[],
    options: FfmpegRunOptions = {},
  ): Promise<CompositionPlan> {
    const plan = planComposition(request);
    await mkdir(scratchDir, { recursive: true });
    const lists = plan.inputs.map((_, i) => path.join(scratchDir, `input-${i}.ffconcat`));
    await Promise.all(plan.inputs.map((input, i) => writeFile(lists[i], input.concat)));
    const graph = path.join(scratchDir, 'composition.filtergraph');
    await writeFile(graph, plan.filtergraph);
    const args = [...inputArgs(plan, lists), '-filter_complex_script', graph, '-map', '[vout]', '-map', '[aout]'];
    await this.ffmpeg.run([...args, ...outputArgs], { durationS: plan.durationS, ...options });
    return plan;
  }
}
