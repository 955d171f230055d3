import type { ListenerDeps } from '../deps';
import { type ButtonArgs, clickContext, clickedAnswer, replyPrivately } from './button-args';

/** 👍/👎: records the rating in the question log and thanks whoever clicked. */
export async function handleFeedback(
  args: ButtonArgs,
  rating: 'up' | 'down',
  deps: ListenerDeps,
): Promise<void> {
  await args.ack();
  const ref = await clickedAnswer(args, deps);
  if (!ref) return;
  await deps.answers.recordFeedback(ref, clickContext(args).user, rating);
  const text = `Thanks: your ${rating === 'up' ? '👍' : '👎'} on this answer is recorded.`;
  await replyPrivately(args.respond, { text }, deps.logger);
}
