/** Facts read from a generated Dockerfile with the Dockerfile parser: stage images, the runtime list path. */
import { DockerfileParser } from 'dockerfile-ast';
import { extractRunScripts } from '../support/linters.ts';
import { invokedCommands } from '../support/shell-commands.ts';

export interface StageImage {
  stage: string;
  image: string;
}

/** Each stage's name (or index) and FROM image, in order, with the ARGs before the first FROM applied. */
export function stageImages(text: string): StageImage[] {
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map<string, string>();
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') break;
    const match = instruction.getKeyword() === 'ARG' ? /^([A-Za-z_][A-Za-z0-9_]*)=(\S+)$/.exec(instruction.getArgumentsContent() ?? '') : null;
    if (match) args.set(match[1]!, match[2]!);
  }
  const resolve = (image: string): string => image.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (all, name: string) => args.get(name) ?? all);
  return dockerfile
    .getFROMs()
    .map((from, index) => ({ stage: from.getBuildStage() ?? String(index), image: resolve(from.getImageName() + (from.getImageTag() ? `:${from.getImageTag()!}` : '')) }));
}

/** The image of the last stage: the one `docker build` tags. */
export function releaseImage(text: string): string {
  const stages = stageImages(text);
  return stages[stages.length - 1]!.image;
}

/** The file the scanelf step writes its runtime list to (the redirect that ends the step). */
export function runtimeListPath(text: string): string {
  // The strip step runs scanelf too (to list ELF files); the runtime list is the one redirected to a file.
  const step = extractRunScripts(text).find((run) => invokedCommands(run.script).some((call) => call.name === 'scanelf') && /> *\/\S+\s*$/.test(run.script));
  const path = step && /> *(\/\S+)\s*$/.exec(step.script)?.[1];
  if (!path) throw new Error('no scanelf step writing a runtime list in this Dockerfile');
  return path;
}
