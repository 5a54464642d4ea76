/** Facts read from a generated Dockerfile with the Dockerfile parser: stage images, the runtime list path. */
import { DockerfileParser } from 'dockerfile-ast';
import { extractRunScripts } from '../support/linters.ts';
import { invokedCommands } from '../support/shell-commands.ts';

export interface StageImage {
  stage: string;
  image: string;
}

/** Each stage's name (or index) and FROM image, in order. */
export function stageImages(text: string): StageImage[] {
  return DockerfileParser.parse(text).getFROMs().map((from, index) => ({ stage: from.getBuildStage() ?? String(index), image: from.getImageName() + (from.getImageTag() ? `:${from.getImageTag()!}` : '') }));
}

/** The image of the last stage: the one `docker build` tags. */
export function releaseImage(text: string): string {
  const stages = stageImages(text);
  return stages[stages.length - 1]!.image;
}

/** The file the scanelf step writes its runtime list to (the redirect that ends the step). */
export function runtimeListPath(text: string): string {
  const step = extractRunScripts(text).find((run) => invokedCommands(run.script).some((call) => call.name === 'scanelf'));
  const path = step && /> *(\/\S+)\s*$/.exec(step.script)?.[1];
  if (!path) throw new Error('no scanelf step writing a runtime list in this Dockerfile');
  return path;
}
