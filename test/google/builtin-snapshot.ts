/** The built-in template built in the fake Slides model and read back as presentations.get would return it. */
import { builtInTemplateRequests } from '../../src/google/slides';
import { applySlidesRequests, makePresentation } from '../fake-google/apis/slides';
import { createState } from '../fake-google/state';

export function builtInSnapshot(): unknown {
  const state = createState();
  const t = builtInTemplateRequests();
  const blank = makePresentation('QBR Facilitator: enterprise QBR template', { presentationId: 'builtin-template' }) as { slides: { objectId: string }[] };
  const requests = JSON.parse(JSON.stringify((t.build.body as { requests: unknown[] }).requests).split('${blankSlideId}').join(blank.slides[0]!.objectId)) as unknown[];
  return applySlidesRequests(state, blank, requests as never[]).presentation;
}
