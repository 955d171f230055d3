import { buildMorePassagesBlocks } from '../../blocks/answer';
import type { ListenerDeps } from '../deps';
import { type ButtonArgs, clickedAnswer, replyPrivately } from './button-args';

/** "More results": the next passages of the answer, shown to whoever clicked. */
export async function handleMoreResults(args: ButtonArgs, deps: ListenerDeps): Promise<void> {
  await args.ack();
  const ref = await clickedAnswer(args, deps);
  if (!ref) return;
  const answer = deps.answers.recall(ref);
  await replyPrivately(args.respond, buildMorePassagesBlocks(answer, ref), deps.logger);
}
